// How Lectern's tools and tests start Debian's Chromium headless: as root (no sandbox), without a
// GPU, and with none of its background connections, which this machine's closed network refuses.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
