/** `npm run build`'s second step: brotli and gzip files beside the built web app's assets. */
import { webDistDir } from '../data/paths';
import { precompressDir } from './lib/precompress';

console.log(`Precompressed ${precompressDir(webDistDir())} web files (brotli, gzip).`);
