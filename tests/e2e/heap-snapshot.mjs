// The page's JavaScript heap in Chromium (DevTools protocol): a full collection, then a heap
// snapshot, parsed. Shared by bench/page-memory.mjs (what the page keeps per article) and
// page-release.test.mjs (what a page left still holds).

/**
 * A heap snapshot taken after a full collection, and the heap's used size then (bytes).
 * @param {import('puppeteer-core').Page} page  a Chromium page
 */
export async function heapSnapshot(page) {
  const cdp = await page.createCDPSession();
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const chunks = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  return { usedSize, snapshot: JSON.parse(chunks.join('')) };
}

/**
 * How many objects of the snapshot have an own property called `name` (e.g. "article": the
 * library's records).
 */
export function objectsWithProperty(snapshot, name) {
  const { node_fields: nodeFields, edge_fields: edgeFields, edge_types: edgeTypes } = snapshot.snapshot.meta;
  const edgeCount = nodeFields.indexOf('edge_count');
  const [type, nameOrIndex] = ['type', 'name_or_index'].map((f) => edgeFields.indexOf(f));
  const property = edgeTypes[0].indexOf('property');
  const nameIndex = snapshot.strings.indexOf(name);
  let count = 0;
  let edge = 0;
  for (let node = 0; node < snapshot.nodes.length; node += nodeFields.length) {
    const end = edge + snapshot.nodes[node + edgeCount] * edgeFields.length;
    for (let e = edge; e < end; e += edgeFields.length) {
      if (snapshot.edges[e + type] === property && snapshot.edges[e + nameOrIndex] === nameIndex) {
        count++;
        break;
      }
    }
    edge = end;
  }
  return count;
}
