/**
 * Java pattern → compiled JavaScript RegExp, or the reason it cannot be, behind a small LRU
 * cache: the page re-matches on every keystroke.
 */
import type { Span } from '../model'
import { RegexSyntaxError, RegexTranslateError } from './errors'
import { JavaPatternParser } from './parser'
import { NamedCharError } from './parser-escape'
import { translateTree } from './translate'
import type { Translation } from './translate'
import type { ParsedPattern } from './ast'
import { findInexact } from './unsupported'
import type { Inexact } from './unsupported'

/** Outcome of compiling one Java pattern. */
export type Compiled =
  | {
      kind: 'ok'
      translation: Translation
      /** Set when JavaScript would differ: match with the Java-semantics interpreter instead. */
      inexact: Inexact | null
      /** The parsed pattern (for the interpreter). */
      parsed: ParsedPattern
      /** `^(?:P)$`: Matcher.matches(). */
      whole: RegExp
      /** Unanchored, with `g`: find(), replaceAll, split. Built on first use (globalRegExp). */
      global: RegExp | null
      /** The pattern uses `\G`, which only means "start of input" for matches(). */
      usesLastMatch: boolean
      /**
       * Text every match consumes in one piece ('' when none), worked out on first use by a batch
       * (readRequiredText): one match alone gains nothing from it.
       */
      required?: string
    }
  | {
      kind: 'invalid'
      /** Java's description, e.g. `Unclosed group`. */
      description: string
      /** Java's error index (as in its message). */
      index: number
      span: Span
    }
  | { kind: 'untranslatable'; message: string; hint: string; span: Span }

const CACHE_SIZE = 64
/** Compiled patterns by source, each with the tick of its last use. */
const cache = new Map<string, { compiled: Compiled; used: number }>()
let tick = 0

/** Compiles (or fetches from the cache) a Java pattern. Never throws. */
export function compileJavaPattern(pattern: string): Compiled {
  // The same pattern asked again (the common case while typing) skips the cache lookup.
  if (pattern === lastPattern && lastCompiled) return lastCompiled
  const compiled = lookUp(pattern)
  lastPattern = pattern
  lastCompiled = compiled
  return compiled
}

let lastPattern: string | undefined
let lastCompiled: Compiled | undefined

/** Drops one pattern from the compile cache, so that its next use compiles it (benchmarks). */
export function forgetCompiledPattern(pattern: string): void {
  cache.delete(pattern)
  if (pattern === lastPattern) {
    lastPattern = undefined
    lastCompiled = undefined
  }
}

function lookUp(pattern: string): Compiled {
  const hit = cache.get(pattern)
  if (hit) {
    // A hit only records its tick: reordering the map on every hit cost more than the match.
    hit.used = ++tick
    return hit.compiled
  }
  const compiled = compileUncached(pattern)
  if (cache.size >= CACHE_SIZE) evictOne()
  cache.set(pattern, { compiled, used: ++tick })
  return compiled
}

/**
 * Drops a pattern not used in the last CACHE_SIZE / 2 lookups, without scanning the cache: the
 * map's first entries are the longest unmoved, and one used recently is moved to the back (a
 * second chance). At most CACHE_SIZE / 2 entries can be that recent, so the loop is short.
 */
function evictOne(): void {
  const recent = tick - CACHE_SIZE / 2
  for (const [key, entry] of cache) {
    cache.delete(key)
    if (entry.used <= recent) return
    cache.set(key, entry)
  }
}

/** The unanchored `g` RegExp of a compiled pattern, built the first time a find() needs it. */
export function globalRegExp(c: Extract<Compiled, { kind: 'ok' }>): RegExp {
  return (c.global ??= new RegExp(c.translation.source, `${c.translation.flags}g`))
}

function compileUncached(pattern: string): Compiled {
  try {
    const parsed = new JavaPatternParser(pattern).parse()
    // A flat tree holds nothing inexact or unsupported (see inexactHere), so it needs no walk.
    const inexact = parsed.flat ? null : findInexact(parsed.root)
    const translation = translateTree(parsed.root, parsed.groupCount)
    const usesLastMatch = pattern.includes('\\G')
    return {
      kind: 'ok',
      translation,
      inexact,
      parsed,
      // The source never has a `|` outside parentheses (alternations are emitted as `(?:…)`).
      whole: new RegExp(`^${translation.source}$`, translation.flags),
      global: null,
      usesLastMatch,
    }
  } catch (e) {
    if (e instanceof RegexSyntaxError) {
      const at = Math.max(0, Math.min(e.index, pattern.length))
      return {
        kind: 'invalid',
        description: e.description,
        index: e.javaIndex,
        span: { start: at, end: Math.min(pattern.length, at + 1) },
      }
    }
    if (e instanceof RegexTranslateError)
      return { kind: 'untranslatable', message: e.message, hint: e.hint, span: e.span }
    if (e instanceof NamedCharError)
      return {
        kind: 'untranslatable',
        message: '\\N{name} needs the Unicode character name table, which this lab does not carry',
        hint: 'Write the character as \\x{...} or \\uXXXX instead.',
        span: e.span,
      }
    return {
      kind: 'untranslatable',
      message: `Internal translation failure: ${e instanceof Error ? e.message : String(e)}`,
      hint: 'Please report this pattern; simplify it to work around the problem.',
      span: { start: 0, end: pattern.length },
    }
  }
}
