/**
 * exceljs 4.4.0 decodes each chunk of a workbook's XML separately (lib/utils/parse-sax.js →
 * TextDecoder.decode(chunk) without `stream`), so a Vietnamese letter whose UTF-8 bytes straddle
 * a chunk boundary becomes "�" — in a 10,000-row workbook we measured one cell in ten thousand
 * ("nông th��n"). Until exceljs fixes it, its parse-sax module is replaced, before exceljs loads,
 * by this one: the same SAX events, decoded with one streaming decoder per XML part. Import
 * this module before `exceljs` (tests/import/xlsx-reader.test.ts proves the fix).
 */
import Module, { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const exceljsRoot = path.dirname(require.resolve('exceljs/package.json'));
const PARSE_SAX = path.join(exceljsRoot, 'lib', 'utils', 'parse-sax.js');
if (!existsSync(PARSE_SAX)) throw new Error(`exceljs changed its layout (${PARSE_SAX} is gone): check whether its UTF-8 chunk bug is fixed and remove data/import/readers/exceljs-utf8.ts`);

interface SaxEvent {
  eventType: 'opentag' | 'text' | 'closetag';
  value: unknown;
}
interface SaxParser {
  on(event: string, handler: (value: unknown) => void): void;
  write(text: string): void;
  close(): void;
}

const { SaxesParser } = createRequire(PARSE_SAX)('saxes') as { SaxesParser: new () => SaxParser };

async function* parseSaxUtf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<SaxEvent[]> {
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let failure: unknown;
  let events: SaxEvent[] = [];
  parser.on('error', (error) => (failure = error));
  for (const eventType of ['opentag', 'text', 'closetag'] as const) parser.on(eventType, (value) => events.push({ eventType, value }));
  const feed = (text: string) => {
    parser.write(text);
    if (failure) throw failure;
    const batch = events;
    events = [];
    return batch;
  };
  for await (const chunk of chunks) yield feed(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
  const rest = decoder.decode();
  if (rest !== '') yield feed(rest);
}

// Marks our parser across evaluations of this module: a test runner that re-evaluates ES modules
// per file shares one CommonJS cache, where an earlier evaluation's parser is already in place.
const FIXED = Symbol.for('tlg-atlas.exceljs-utf8');
const cached = require.cache[PARSE_SAX];
if (cached && !(cached.exports as { [FIXED]?: true })[FIXED]) {
  // exceljs already holds the faulty parser: the fix would silently not apply.
  throw new Error('exceljs was loaded before data/import/readers/exceljs-utf8.ts: import the fix first');
}
if (!cached) {
  const replacement = new Module(PARSE_SAX);
  replacement.filename = PARSE_SAX;
  replacement.exports = Object.assign(parseSaxUtf8, { [FIXED]: true as const });
  replacement.loaded = true;
  require.cache[PARSE_SAX] = replacement;
}
