// Entry point of the core worker's glue, bundled by web/build.mjs on its own and embedded in the page
// as <script type="text/plain" id="lectern-worker">. The page starts the worker from a blob: URL
// holding the core's script text (which defines createLecternCore) followed by this glue.
import { serveCore } from './worker-host.js';

serveCore(self, self.createLecternCore);
