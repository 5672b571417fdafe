// The page's compare fixtures (tests/web/fixtures/diff-seeds-000-001.json, variants-three.json) are
// the core's real output: made again here with the WebAssembly core, they must equal the checked-in
// files, so a change in diffTexts (or readFile) the page's tests have not seen fails here. After an
// intended change, regenerate them and run the web tests:
//   node tests/web/fixtures/make-diff-fixture.mjs
// Runs against build-wasm/bin/lectern-core.js, or the file named by LECTERN_CORE.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { loadCore, makeFixtures } from '../web/fixtures/make-diff-fixture.mjs';

const fixtures = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'web/fixtures');
const made = makeFixtures(await loadCore());

for (const [name, text] of Object.entries(made)) {
  test(`tests/web/fixtures/${name} is what the core makes now (else: node tests/web/fixtures/make-diff-fixture.mjs)`, () => {
    const checkedIn = readFileSync(join(fixtures, name), 'utf8');
    // Compared as objects first, for a readable difference; then byte for byte.
    assert.deepEqual(JSON.parse(checkedIn), JSON.parse(text), `${name} drifted from the core's output`);
    assert.equal(checkedIn, text);
  });
}
