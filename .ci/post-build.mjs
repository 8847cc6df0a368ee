// Trunk's post-build hook (Trunk.toml), in this order: the JS and CSS minified
// (minify.mjs), the service worker's list of the build's files and its version
// (service-worker.mjs), then the compressed copies of the files as they are final
// (precompress.mjs). After changing a file of a build (index.html's
// allowed origins, a profile), or the headers the server sends with the app, run it again:
// node .ci/post-build.mjs dist
await import('./minify.mjs');
await import('./service-worker.mjs');
await import('./precompress.mjs');
