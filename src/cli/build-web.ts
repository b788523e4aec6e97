/** `npm run build:web`: bundles the chat UI into the module the worker serves as `/widget.js`. */
import { fail } from './args.js';
import { writeUiBundle } from './web-bundle.js';

writeUiBundle().then(
  ({ script, written }) => {
    if (written) console.log(`widget.js bundled: ${script.length} bytes`);
  },
  (error: Error) => fail(`bundling the chat UI failed: ${error.message}`, 1),
);
