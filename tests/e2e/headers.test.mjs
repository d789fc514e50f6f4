// dist/_headers as Netlify and Cloudflare Pages read it: EVERY rule whose path pattern matches a
// request applies, and when several matching rules set the same header their values are joined with
// ", " (Cloudflare Pages docs, "Headers": a request matching several rules inherits all their headers;
// a header set twice is joined with a comma). Patterns: `*` (a splat) matches any characters, `/`
// included; `:name` matches one path segment; anything else matches itself. Cloudflare Pages also
// serves `x.html` at `/x` (and `index.html` at `/`), so an HTML file is checked under both paths.
// For every file in dist/ the joined Cache-Control must be exactly one policy (a page that matched a
// no-cache rule and an immutable rule would get "no-cache, …, immutable"), every page exactly one CSP.
// No browser: this reads files only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DIST } from './harness.mjs';

const EMBED_PAGES = /^embed(\.html|-(area|indicator)-[^/]+\.html)/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
// Trunk's hashed file names (the same expression as the hashed-asset location of deploy/nginx.conf).
const HASHED = /(^|\/)(gd-plus-(explorer|view)-[0-9a-f]+(_bg\.wasm|\.js)|boot-[0-9a-f]+\.js|(style|favicon)-[0-9a-f]+\.(css|svg))(\.gz|\.br)?$/;

/** The rules of a _headers file: `[{ pattern, regex, headers: [[lower-case name, value]] }]`. */
export function parseHeaders(text) {
  const rules = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      assert.match(line, /^(\/|https:\/\/)/, `a rule starts with a path: ${line}`);
      const path = line.replace(/^https:\/\/[^/]+/, '');
      const source = path
        .split(/(\*|:[A-Za-z0-9_]+)/)
        .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
        .join('');
      rules.push({ pattern: line, regex: new RegExp(`^${source}$`), headers: [] });
    } else {
      assert.ok(rules.length, `a header before any path: ${line}`);
      const m = line.trim().match(/^([A-Za-z0-9-]+):\s*(.*)$/);
      assert.ok(m, `a header line is "Name: value": ${line}`);
      rules.at(-1).headers.push([m[1].toLowerCase(), m[2]]);
    }
  }
  return rules;
}

/** The headers a request for `path` gets: every matching rule's, the same name joined with ", ". */
export function headersFor(rules, path) {
  const out = {};
  const matched = [];
  for (const rule of rules) {
    if (!rule.regex.test(path)) continue;
    matched.push(rule.pattern);
    for (const [name, value] of rule.headers) out[name] = name in out ? `${out[name]}, ${value}` : value;
  }
  return { headers: out, matched };
}

/** The URL paths a host serves a file of dist/ at. */
function pathsOf(rel) {
  const paths = [`/${rel}`];
  if (rel === 'index.html') paths.push('/'); // (Cloudflare redirects /index to /)
  else if (rel.endsWith('.html')) paths.push(`/${rel.slice(0, -'.html'.length)}`);
  return paths;
}

function filesOf(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split('\\').join('/'));
}

test('the matcher follows the documented semantics (splat, placeholder, literal, joining)', () => {
  const rules = parseHeaders('/*\n  A: 1\n/\n  B: 2\n/static/*\n  A: 3\n/:name/x.html\n  C: 4\nhttps://example.org/y\n  D: 5\n');
  assert.deepEqual(headersFor(rules, '/').headers, { a: '1', b: '2' });
  assert.deepEqual(headersFor(rules, '/static/a/b.png').headers, { a: '1, 3' }, 'a splat crosses slashes; values join');
  assert.deepEqual(headersFor(rules, '/p/x.html').headers, { a: '1', c: '4' });
  assert.deepEqual(headersFor(rules, '/p/q/x.html').headers, { a: '1' }, 'a placeholder is one segment');
  assert.deepEqual(headersFor(rules, '/y').headers, { a: '1', d: '5' }, 'an absolute URL matches its path');
  assert.deepEqual(headersFor(rules, '/staticx').headers, { a: '1' });
});

test('dist/_headers: every file gets exactly one coherent Cache-Control, every page exactly one CSP', () => {
  const file = join(DIST, '_headers');
  assert.ok(existsSync(file), 'dist/_headers exists (./x build)');
  const rules = parseHeaders(readFileSync(file, 'utf8'));
  const nginx = readFileSync(join(DIST, '..', 'deploy', 'nginx.conf'), 'utf8');
  const policy = (name) => nginx.match(new RegExp(`set \\$${name} "([^"]+)";`))[1];
  const files = filesOf(DIST).filter((rel) => rel !== '_headers');
  assert.ok(files.length > 100, `${files.length} files`);
  for (const kind of ['embed-area-', 'embed-indicator-', 'area-', 'indicator-', 'city-']) {
    assert.ok(files.some((f) => f.startsWith(kind) && f.endsWith('.html')), `dist/ has ${kind}….html pages`);
  }
  const problems = [];
  for (const rel of files) {
    for (const path of pathsOf(rel)) {
      const { headers: h, matched } = headersFor(rules, path);
      const where = `${path} (rules ${matched.join(' ')})`;
      const wantCache = HASHED.test(rel) ? IMMUTABLE : 'no-cache';
      if (h['cache-control'] !== wantCache) problems.push(`${where}: Cache-Control "${h['cache-control']}", want "${wantCache}"`);
      const isPage = /\.html(\.gz|\.br)?$/.test(rel) && !rel.startsWith('static/');
      // embed.html and the pre-rendered embeds (embed-area-…, embed-indicator-…) may be framed; no other page.
      const wantCsp = !isPage ? undefined : EMBED_PAGES.test(rel) ? policy('csp_embed') : policy('csp');
      if (isPage && h['content-security-policy'] !== wantCsp) {
        problems.push(`${where}: CSP "${h['content-security-policy']}", want exactly one: "${wantCsp}"`);
      }
      if (!isPage && h['content-security-policy'] && h['content-security-policy'].split(', default-src').length > 1) {
        problems.push(`${where}: several CSPs joined`);
      }
      if (h['x-content-type-options'] !== 'nosniff') problems.push(`${where}: X-Content-Type-Options "${h['x-content-type-options']}"`);
      if (rel.endsWith('.wasm') && h['content-type'] !== 'application/wasm') problems.push(`${where}: Content-Type "${h['content-type']}"`);
      if (rel.startsWith('data/') && h['access-control-allow-origin'] !== '*') problems.push(`${where}: no CORS on open data`);
    }
  }
  assert.deepEqual(problems, []);
});
