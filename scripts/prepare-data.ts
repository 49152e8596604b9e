/**
 * `npm run data -- [--seed N] [--scale N] [--out DIR] [--force]`: prepares the demo data set
 * (real boundaries and census + the SIMULATED demo records) as the active version of the store
 * when there is none or it is a stale demo build (an active imported data set is left alone).
 * Prints one progress line per step; on bad input prints the error (file, row/feature, fix)
 * without a stack trace and exits with status 1; bad arguments exit with status 2.
 */
import { DEFAULT_SCALE, DEFAULT_SEED, ensureDataset, MAX_SCALE } from '../data/pipeline/ensure';
import { formatPipelineError, isPipelineError, PipelineError } from '../data/pipeline/errors';

const USAGE = `Usage: npm run data -- [--seed N] [--scale N] [--out DIR] [--force]
  --seed N    seed of the demo data generator (default ${DEFAULT_SEED})
  --scale N   multiply every simulated record count by N, 1–${MAX_SCALE} (default ${DEFAULT_SCALE}; 1 reproduces the published totals)
  --out DIR   data store (default data/build, or TLG_DATA_DIR); the build becomes a new version there
  --force     rebuild even when the existing build is up to date`;

const EXIT_BUILD_FAILED = 1;
const EXIT_BAD_ARGUMENTS = 2;

interface CliOptions {
  seed?: number;
  scale?: number;
  store?: string;
  force: boolean;
}

function parseArguments(argv: string[]): CliOptions {
  const options: CliOptions = { force: false };
  const wholeNumber = (flag: string, raw: string | undefined): number => {
    if (raw === undefined || !/^\d+$/.test(raw)) {
      throw new PipelineError({ code: 'ARGUMENT_INVALID', message: `${flag} needs a whole number, got ${raw === undefined ? 'nothing' : `"${raw}"`}.`, fix: USAGE });
    }
    return Number(raw);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? (arg.split(/=(.*)/s) as [string, string]) : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--seed':
        options.seed = wholeNumber('--seed', value());
        break;
      case '--scale':
        options.scale = wholeNumber('--scale', value());
        break;
      case '--out': {
        const dir = value();
        if (!dir) throw new PipelineError({ code: 'ARGUMENT_INVALID', message: '--out needs a directory.', fix: USAGE });
        options.store = dir;
        break;
      }
      case '--force':
        options.force = true;
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new PipelineError({ code: 'ARGUMENT_INVALID', message: `Unknown argument "${arg}".`, fix: USAGE });
    }
  }
  return options;
}

async function main(): Promise<number> {
  try {
    const options = parseArguments(process.argv.slice(2));
    const manifest = await ensureDataset({ ...options, log: (line) => console.log(line) });
    console.log(
      `Data set ${manifest.version}: ${manifest.rows.groups ?? 0} groups, ${manifest.rows.models ?? 0} models, ${manifest.rows.tips ?? 0} tips, ${manifest.rows.events ?? 0} outcome events (${manifest.synthetic ? 'simulated' : 'imported'}), ${manifest.rows.communes ?? 0} communes (real).`,
    );
    return 0;
  } catch (error) {
    if (isPipelineError(error)) {
      console.error(formatPipelineError(error));
      return error.code === 'ARGUMENT_INVALID' ? EXIT_BAD_ARGUMENTS : EXIT_BUILD_FAILED;
    }
    console.error(`Data build failed unexpectedly: ${(error as Error).message ?? String(error)}`);
    return EXIT_BUILD_FAILED;
  }
}

process.exitCode = await main();
