/**
 * `npm run import -- …`: import a register of real records into a new data set version, list
 * the versions, switch back to another one, or write a register template. See USAGE in
 * data/import/cli/args.ts and API_CONTRACT.md § "Import of real records".
 */
import { main } from '../data/import/cli/main';

process.exitCode = await main(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) });
