import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keepChildren } from '../../../web/src/shell/dom.js';

/** A parent that counts the moves made in it (each is a layout of the node moved, in a browser). */
/** @type {any} */
const CountingParent = class {
  constructor(nodes) {
    this.childNodes = [...nodes];
    this.removed = 0;
    this.inserted = 0;
  }
  removeChild(node) {
    this.childNodes.splice(this.childNodes.indexOf(node), 1);
    this.removed++;
  }
  insertBefore(node, before) {
    const at = this.childNodes.indexOf(node);
    if (at >= 0) this.childNodes.splice(at, 1);
    const i = before === null ? this.childNodes.length : this.childNodes.indexOf(before);
    this.childNodes.splice(i, 0, node);
    this.inserted++;
  }
};

/** @returns {any[]} stand-ins for nodes, told apart by name */
const nodes = (...names) => names.map((name) => ({ name }));
const names = (parent) => parent.childNodes.map((n) => n.name).join(' ');

test('keepChildren: the same children are not touched', () => {
  const [a, b, c] = nodes('a', 'b', 'c');
  const parent = new CountingParent([a, b, c]);
  keepChildren(parent, [a, b, c]);
  assert.equal(names(parent), 'a b c');
  assert.deepEqual([parent.removed, parent.inserted], [0, 0]);
});

test('keepChildren: a window scrolled by one row moves only the rows that came and went', () => {
  const [top, r0, r1, r2, r3, bottom] = nodes('top', 'r0', 'r1', 'r2', 'r3', 'bottom');
  const parent = new CountingParent([top, r0, r1, r2, bottom]);
  keepChildren(parent, [top, r1, r2, r3, bottom]);
  assert.equal(names(parent), 'top r1 r2 r3 bottom');
  assert.deepEqual([parent.removed, parent.inserted], [1, 1]);
});

test('keepChildren: new, dropped and reordered children end in the order asked', () => {
  const [a, b, c, d] = nodes('a', 'b', 'c', 'd');
  const parent = new CountingParent([a, b, c]);
  keepChildren(parent, [d, c, a]);
  assert.equal(names(parent), 'd c a');
  keepChildren(parent, []);
  assert.equal(names(parent), '');
});
