// entities / findEntities / entityIndex in the WebAssembly core: UTF-16 offsets into the text given
// (the default), DATE values from the date option, linked mentions, the collection's entity index
// with edits, errors as {error}.
// Runs against build-wasm/bin/lectern-core.js, or the file named by LECTERN_CORE.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core, seedBody } from './core.mjs';

const find = (text, options = {}) => JSON.parse(core.entities(text, JSON.stringify(options)));

test('seed 000: people linked, dates resolved, offsets in UTF-16', () => {
  const body = seedBody('000_c1e1a87b767bdb0e.txt');
  const ms = find(body, { date: '2024-09-13' });
  for (const m of ms) assert.equal(body.slice(m.start, m.end), m.text);
  const wang = ms.find((m) => m.text === 'Wang');
  assert.equal(wang?.type, 'PER');
  assert.equal(wang?.entity, 'PER:wang yi');
  assert.equal(ms.find((m) => m.text === 'Thursday')?.value, '2024-09-12');
  assert.equal(ms.find((m) => m.text === 'next month')?.value, '2024-10');
});

test('offsets count the unit asked for, past astral characters', () => {
  const text = '😀 Angela Merkel visited Paris.';
  const utf16 = find(text);
  const cp = find(text, { offsetUnit: 'codepoint' });
  assert.ok(utf16.length > 0);
  assert.equal(text.slice(utf16[0].start, utf16[0].end), utf16[0].text);
  assert.equal(cp[0].start, utf16[0].start - 1);
  assert.equal(core.findEntities(text, '{}'), core.entities(text, '{}'));
});

test('bad options and other scripts', () => {
  assert.ok('error' in JSON.parse(core.entities('text', '{bad')));
  assert.ok('error' in JSON.parse(core.entities('text', '{"offsetUnit":"words"}')));
  assert.deepEqual(find('Путин встретился с Ван И в Санкт-Петербурге.'), []);
});

test('entityIndex: the seeds share China, the edits apply, bad edits are an error', () => {
  const articles = [
    { id: 'a', source: 'China Daily', date: '2024-09-13', text: seedBody('000_c1e1a87b767bdb0e.txt') },
    { id: 'b', source: 'KUNA', date: '2024-09-13', text: seedBody('001_cac242e89444e96e.txt') },
  ];
  const index = (edits = '') => JSON.parse(core.entityIndex(JSON.stringify(articles), edits));
  const plain = index();
  const china = plain.find((e) => e.entity === 'LOC:china');
  assert.deepEqual(china?.articles, ['a', 'b']);
  assert.deepEqual(china?.outlets, ['China Daily', 'KUNA']);
  assert.equal(china?.first, '2024-09-13');
  assert.ok(plain.every((e, i) => i === 0 || plain[i - 1].mentions >= e.mentions));
  const edited = index(JSON.stringify({ alias: [{ text: 'Putin', entity: 'PER:vladimir putin' }] }));
  assert.ok(!edited.some((e) => e.entity === 'PER:putin'));
  assert.deepEqual(edited.find((e) => e.entity === 'PER:vladimir putin')?.articles, ['a', 'b']);
  assert.deepEqual(JSON.parse(core.entityIndex('[]', '')), []);
  assert.ok('error' in JSON.parse(core.entityIndex(JSON.stringify(articles), '{"merge":"x"}')));
  assert.ok('error' in JSON.parse(core.entityIndex('{bad', '')));
});
