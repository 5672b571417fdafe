// Dates on a small timeline (web/src/entities/timeline.js): the axis adapts its unit to the span,
// dates are counted into its bins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_DAYS, binDates, binKey, binLabel, timelineAxis } from '../../../web/src/entities/timeline.js';

test('timelineAxis: days for a short span, every day in between, non-dates skipped', () => {
  const axis = timelineAxis(['2024-09-13', '', 'not a date', '2024-09-11', '2024-09-13']);
  assert.deepEqual(axis, { unit: 'day', keys: ['2024-09-11', '2024-09-12', '2024-09-13'] });
  assert.deepEqual(timelineAxis([]), { unit: 'day', keys: [] });
  assert.deepEqual(timelineAxis(['2024-02-28', '2024-03-01']).keys, [
    '2024-02-28',
    '2024-02-29',
    '2024-03-01',
  ]);
});

test('timelineAxis: months past MAX_DAYS days, years past six years', () => {
  const start = new Date(Date.UTC(2024, 0, 1));
  const lastDay = new Date(start.getTime() + (MAX_DAYS - 1) * 86400000).toISOString().slice(0, 10);
  assert.equal(timelineAxis(['2024-01-01', lastDay]).unit, 'day');
  assert.equal(timelineAxis(['2024-01-01', lastDay]).keys.length, MAX_DAYS);
  const dayAfter = new Date(start.getTime() + MAX_DAYS * 86400000).toISOString().slice(0, 10);
  assert.deepEqual(timelineAxis(['2024-01-01', dayAfter]), {
    unit: 'month',
    keys: ['2024-01', '2024-02', '2024-03'],
  });
  const seeds = timelineAxis(['2024-09-13', '2022-10-02', '2024-04-10']);
  assert.equal(seeds.unit, 'month');
  assert.equal(seeds.keys.length, 24);
  assert.deepEqual([seeds.keys[0], seeds.keys.at(-1)], ['2022-10', '2024-09']);
  assert.ok(seeds.keys.includes('2023-01'), 'across the new year');
  assert.deepEqual(timelineAxis(['1999-12-31', '2010-01-01']), {
    unit: 'year',
    keys: Array.from({ length: 12 }, (_, i) => String(1999 + i)),
  });
});

test('binDates: counts per bin of the axis; dates outside it or not ISO are not counted', () => {
  const axis = timelineAxis(['2022-10-02', '2024-09-13']);
  const counts = binDates(axis, ['2024-09-13', '2024-09-11', '2022-10-02', 'soon', '2030-01-01']);
  assert.equal(counts.length, axis.keys.length);
  assert.equal(counts[axis.keys.indexOf('2024-09')], 2);
  assert.equal(counts[axis.keys.indexOf('2022-10')], 1);
  assert.equal(
    counts.reduce((a, b) => a + b, 0),
    3,
  );
  const days = timelineAxis(['2024-09-11', '2024-09-13']);
  assert.deepEqual(binDates(days, ['2024-09-13', '2024-09-13', '2024-09-11']), [1, 0, 2]);
});

test('binKey and binLabel: the bin of a date at each unit, and how it reads', () => {
  assert.equal(binKey('2024-09-13', 'day'), '2024-09-13');
  assert.equal(binKey('2024-09-13', 'month'), '2024-09');
  assert.equal(binKey('2024-09-13', 'year'), '2024');
  assert.equal(binKey('13/09/2024', 'day'), null);
  assert.match(binLabel('2024-09-13', 'day'), /^13 Sept? 2024$/);
  assert.match(binLabel('2022-10', 'month'), /^Oct 2022$/);
  assert.equal(binLabel('2024', 'year'), '2024');
});
