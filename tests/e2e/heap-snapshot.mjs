// The page's JavaScript heap in Chromium (DevTools protocol): a full collection, then a heap
// snapshot, parsed (bench/page-memory.mjs: what the page keeps per article).

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
