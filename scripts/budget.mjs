#!/usr/bin/env node
/**
 * Size and origin budgets of the built app (DESIGN.md "Budgets"), measured on `dist/` after
 * `vite build`:
 * - JavaScript before Monaco (what index.html loads eagerly: its module scripts, modulepreloads
 *   and their static import graph) ≤ 100 KB gzip;
 * - the whole app (every file in dist but the on-demand Terraform parser) ≤ 1.6 MB gzip;
 * - the Terraform parser (HashiCorp's HCL in WebAssembly, fetched only when a Terraform file is
 *   imported) ≤ 1.8 MB gzip, on its own line;
 * - index.html and the CSS reference no other origin (no CDN, no web fonts).
 * Prints the numbers and exits non-zero when a budget is exceeded.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

const KB = 1024
/** Budgets in bytes of gzip. */
const BUDGETS = { eagerJs: 100 * KB, total: 1.6 * KB * KB, hcl: 1.8 * KB * KB }
/** The Terraform parser's WebAssembly (already gzip; served as is). */
const ON_DEMAND_PARSER = /main\.wasm-[^/]*\.gz$/

const dist = resolve(process.argv[2] ?? 'dist')

/** gzip size the way a static host would serve it (level 9 is what CDNs precompress with). */
const gzipSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length

const fmt = (bytes) => `${(bytes / KB).toFixed(1)} KB`

/** Every file under `dir`, recursively. */
function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? listFiles(path) : [path]
  })
}

/** Attribute values of the tags in `html` matching `tagRe` (crude but enough for Vite's output). */
function attrs(html, tagRe, attr) {
  const out = []
  for (const tag of html.match(tagRe) ?? []) {
    const m = new RegExp(`\\s${attr}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)
    if (m?.[1]) out.push(m[1])
  }
  return out
}

const isRemote = (url) => /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url) && !/^file:/i.test(url)

/** Static `import`/`export … from` specifiers of a built module (dynamic `import()` excluded). */
function staticImports(code) {
  const specs = new Set()
  const re = /(?:^|[;\s})])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g
  for (const m of code.matchAll(re)) if (m[1]) specs.add(m[1])
  return [...specs]
}

/** The eagerly loaded JavaScript: entry scripts, modulepreloads, and their static imports. */
function eagerGraph(indexHtml) {
  const html = readFileSync(indexHtml, 'utf8')
  const roots = [
    ...attrs(html, /<script\b[^>]*>/gi, 'src'),
    ...attrs(html, /<link\b[^>]*rel=["']modulepreload["'][^>]*>/gi, 'href'),
  ]
  const seen = new Set()
  const queue = roots.filter((u) => !isRemote(u)).map((u) => resolve(dist, u.replace(/^\//, '')))
  while (queue.length > 0) {
    const file = queue.pop()
    if (seen.has(file) || !existsSync(file)) continue
    seen.add(file)
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.') || spec.startsWith('/'))
        queue.push(spec.startsWith('/') ? join(dist, spec) : resolve(dirname(file), spec))
    }
  }
  return [...seen]
}

/** References to other origins in index.html (src/href) and in CSS (`url()`, `@import`). */
function foreignReferences(files, indexHtml) {
  const found = []
  const html = readFileSync(indexHtml, 'utf8')
  for (const url of [
    ...attrs(html, /<(?:script|link|img|iframe|source|audio|video)\b[^>]*>/gi, 'src'),
    ...attrs(html, /<link\b[^>]*>/gi, 'href'),
  ])
    if (isRemote(url)) found.push(`index.html → ${url}`)
  for (const file of files.filter((f) => f.endsWith('.css')).concat(indexHtml)) {
    const text = readFileSync(file, 'utf8')
    const re = /url\(\s*["']?([^"')\s]+)|@import\s+["']([^"']+)/g
    for (const m of text.matchAll(re)) {
      const url = m[1] ?? m[2] ?? ''
      if (isRemote(url)) found.push(`${relative(dist, file)} → ${url}`)
    }
  }
  return found
}

function main() {
  const indexHtml = join(dist, 'index.html')
  if (!existsSync(indexHtml)) {
    console.error(`budget: ${indexHtml} not found; run \`npm run build\` first`)
    return 1
  }
  const files = listFiles(dist)
  const eager = eagerGraph(indexHtml).filter((f) => f.endsWith('.js'))
  const eagerJs = eager.reduce((sum, f) => sum + gzipSize(f), 0)
  const onDemand = files.filter((f) => ON_DEMAND_PARSER.test(f))
  const total = files
    .filter((f) => !ON_DEMAND_PARSER.test(f))
    .reduce((sum, f) => sum + gzipSize(f), 0)
  const hcl = onDemand.reduce((sum, f) => sum + statSync(f).size, 0)
  const foreign = foreignReferences(files, indexHtml)

  console.log('budget: JavaScript index.html loads before Monaco:')
  for (const f of eager) console.log(`  ${relative(dist, f)}  ${fmt(gzipSize(f))} gzip`)
  const rows = [
    ['JS before Monaco', eagerJs, BUDGETS.eagerJs],
    ['whole app', total, BUDGETS.total],
    ['Terraform parser, fetched on demand', hcl, BUDGETS.hcl],
  ]
  let failed = 0
  for (const [name, size, limit] of rows) {
    const ok = size <= limit
    if (!ok) failed++
    console.log(`budget: ${ok ? 'ok  ' : 'OVER'} ${name}: ${fmt(size)} gzip (budget ${fmt(limit)})`)
  }
  if (eager.length === 0) {
    failed++
    console.log('budget: OVER no entry script found in index.html')
  }
  for (const ref of foreign) console.log(`budget: OVER reference to another origin: ${ref}`)
  if (foreign.length === 0) console.log('budget: ok   no reference to another origin')
  failed += foreign.length
  console.log(`budget: ${failed === 0 ? 'all budgets met' : `${failed} budget(s) exceeded`}`)
  return failed === 0 ? 0 : 1
}

process.exit(main())
