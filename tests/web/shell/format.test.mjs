import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  displayTitle,
  formatBytes,
  formatDate,
  plural,
  truncate,
  pastedFileName,
} from '../../../web/src/shell/format.js';

test('displayTitle falls back to the first sentence, then the body, then "Untitled"', () => {
  assert.deepEqual(displayTitle({ title: '  A  headline ' }), { text: 'A headline', fromText: false });
  assert.deepEqual(
    displayTitle({ title: '', sentences: Uint32Array.from([0, 10]), body: 'First one. Second.' }),
    { text: 'First one.', fromText: true },
  );
  assert.deepEqual(displayTitle({ title: '', sentences: [], body: '\nLine one\nLine two' }), {
    text: 'Line one',
    fromText: true,
  });
  assert.deepEqual(displayTitle({ title: '', body: '' }), { text: 'Untitled', fromText: true });
  assert.deepEqual(displayTitle(null), { text: 'Untitled', fromText: true });
  const long = displayTitle({ sentences: [{ start: 0, end: 500 }], body: 'word '.repeat(100) });
  assert.ok(long.text.length <= 140 && long.text.endsWith('…'));
});

test('truncate cuts at a word boundary and adds an ellipsis', () => {
  assert.equal(truncate('short', 10), 'short');
  assert.equal(truncate('one two three four five', 12), 'one two…');
  assert.equal(truncate('one two three four five', 14), 'one two three…');
  assert.equal(truncate('x'.repeat(20), 10), 'xxxxxxxxx…');
});

test('formatDate formats calendar dates in UTC and leaves odd input alone', () => {
  assert.equal(
    formatDate('2024-09-13', 'en-GB'),
    '13 Sept 2024'.replace(
      'Sept',
      new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }).format(
        new Date(Date.UTC(2024, 8, 1)),
      ),
    ),
  );
  assert.equal(formatDate('2024-01-01', 'en-US'), 'Jan 1, 2024');
  assert.equal(formatDate('2024-09', 'en-US'), 'Sep 2024');
  assert.equal(formatDate('2024', 'en-US'), '2024');
  assert.equal(formatDate('', 'en-US'), '');
  assert.equal(formatDate('yesterday', 'en-US'), 'yesterday');
  assert.equal(formatDate('2024-02-30', 'en-US'), '2024-02-30');
  assert.equal(formatDate('2024-13-01', 'en-US'), '2024-13-01');
});

test('formatBytes uses binary multiples with one decimal below ten', () => {
  assert.equal(formatBytes(0), '0 bytes');
  assert.equal(formatBytes(1), '1 byte');
  assert.equal(formatBytes(1023), '1023 bytes');
  assert.equal(formatBytes(1024), '1 KB');
  assert.equal(formatBytes(4.25 * 1024), '4.3 KB');
  assert.equal(formatBytes(20 * 1024 * 1024), '20 MB');
  assert.equal(formatBytes(64 * 1024 * 1024 + 1), '64 MB');
  assert.equal(formatBytes(3 * 1024 ** 3), '3.0 GB'.replace('.0', ''));
});

test('plural and pasted file names', () => {
  assert.equal(plural(1, 'article'), '1 article');
  assert.equal(plural(0, 'article'), '0 articles');
  assert.equal(plural(1234, 'file'), '1,234 files');
  assert.equal(plural(2, 'entry', 'entries'), '2 entries');
  assert.equal(pastedFileName(new Date(2024, 8, 3, 4, 5, 6)), 'Pasted text 2024-09-03 04.05.06.txt');
});
