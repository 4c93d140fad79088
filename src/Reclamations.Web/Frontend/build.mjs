// Bundles the back office's scripts and stylesheet into ../wwwroot/dist (run by the Web project's build).
// Every file of src/pages/ is an entry of its own (dist/<name>.js, and dist/<name>.css when it imports styles), so a
// page loads only its own script: <script type="module" src="~/dist/<name>.js">.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { basename, extname } from 'node:path';

const pages = Object.fromEntries(readdirSync('src/pages')
  .filter((file) => file.endsWith('.js'))
  .map((file) => [basename(file, extname(file)), `src/pages/${file}`]));

await esbuild.build({
  entryPoints: { app: 'src/app.js', styles: 'src/app.css', diagram: 'src/diagram.js', ...pages },
  loader: { '.woff': 'file', '.woff2': 'file', '.eot': 'file', '.ttf': 'file', '.svg': 'file' },
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'esm',
  target: ['es2022'],
  outdir: '../wwwroot/dist',
  logLevel: 'warning',
});
