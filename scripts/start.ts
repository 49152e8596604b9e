/**
 * `npm start`: build the web app if needed, then start the server, which prepares the data set
 * when it is missing or stale (printing progress) and serves app + API.
 */
import { startServer } from '../server/main';
import { ensureWebBuild } from './lib/web-build';

try {
  ensureWebBuild();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const running = await startServer();
const stop = () => void running.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
running.ready.then(
  () => console.log(`Open ${running.url} in a browser.`),
  () => process.exit(1),
);
