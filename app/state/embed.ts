/**
 * Embedding: an `<iframe>` snippet that shows a scenario read-only. The frame's address is the
 * page's own with `?embed=1` and the share fragment, so the host page needs no script, and the
 * frame loads only from this origin (any host CSP that allows framing it is enough).
 */

/** The query parameter that switches the page to its read-only embedded view. */
export const EMBED_PARAM = 'embed'

/** Whether a location's query asks for the embedded view. */
export function isEmbedSearch(search: string): boolean {
  return new URLSearchParams(search).has(EMBED_PARAM)
}

/** The page's address without query or fragment. */
function readBase(href: string): string {
  return (href.split('#')[0] ?? href).split('?')[0] ?? href
}

/** The address the frame loads: the scenario of `fragment` (its share fragment), read-only. */
export function buildEmbedUrl(href: string, fragment: string): string {
  return `${readBase(href)}?${EMBED_PARAM}=1#${fragment}`
}

/** The same scenario in the full playground (the embedded view's "open in playground" link). */
export function buildPlaygroundUrl(embedHref: string): string {
  const hash = embedHref.includes('#') ? embedHref.slice(embedHref.indexOf('#')) : ''
  return `${readBase(embedHref)}${hash}`
}

/** Escapes text for an HTML attribute value in double quotes. */
function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

/**
 * The snippet to paste into a page: attributes only (no inline style, no script), so it works
 * under a host CSP such as `default-src 'none'; frame-src <this origin>`.
 */
export function buildEmbedSnippet(url: string, title = 'API Gateway Lab scenario'): string {
  return `<iframe src="${escapeAttribute(url)}" title="${escapeAttribute(title)}" width="100%" height="720" loading="lazy" referrerpolicy="no-referrer"></iframe>`
}
