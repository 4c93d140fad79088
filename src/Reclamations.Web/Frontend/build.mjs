// Bundles the back office's scripts and stylesheet into ../wwwroot/dist (run by the Web project's build).
import * as esbuild from 'esbuild';

await esbuild.build({
  entryPoints: { app: 'src/app.js', styles: 'src/app.css', diagram: 'src/diagram.js' },
  loader: { '.woff': 'file', '.woff2': 'file', '.eot': 'file', '.ttf': 'file', '.svg': 'file' },
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'esm',
  target: ['es2022'],
  outdir: '../wwwroot/dist',
  logLevel: 'warning',
});
