/**
 * Velocity 1.7's tokenizer, rebuilt as the same state machine its JavaCC grammar describes:
 * lexical states, longest match with declaration order breaking ties, MORE prefixes that glue
 * onto the next token, and special tokens (`$` / `#` that turned out not to start anything)
 * whose text is re-emitted in front of the following text. Matching that machine exactly is
 * what makes whitespace gobbling, escapes and "schmoo" text come out like the real engine.
 */
import { VtlSyntaxError } from './errors'
import {
  RULES_BY_FIRST,
  type LexState,
  type Lexer,
  type Rule,
  type Token,
  type TokenKind,
} from './lexer-rules'

export type { LexState, Token, TokenKind } from './lexer-rules'
/** Keeps `$`, `#` and `\…\$` runs of special tokens, like Velocity's NodeUtils does. */
function filterSpecial(images: string[]): string {
  let out = ''
  for (const st of images) {
    for (let i = 0; i < st.length; i++) {
      const c = st[i]
      if (c === '#' || c === '$') out += c
      if (c === '\\') {
        let j = i
        let term = false
        let ok = true
        for (; ok && j < st.length; j++) {
          const cc = st[j]
          if (cc === '\\') continue
          ok = false
          if (cc === '$') term = true
        }
        if (term) {
          out += st.slice(i, j)
          i = j
        }
      }
    }
  }
  return out
}

type Saved = { state: LexState; lparen: number; rparen: number }

/** Hands out tokens on demand; the parser may switch states between calls, as Velocity's does. */
export class TokenManager implements Lexer {
  state: LexState = 'DEFAULT'
  lparen = 0
  rparen = 0
  inComment = false
  inSet = false
  pos = 0
  private stack: Saved[] = []
  private matchStart = 0

  constructor(
    readonly src: string,
    /** Offset of `src` inside the editor text (string literals are lexed separately). */
    readonly base = 0,
  ) {}

  tokenEnd(len: number): number {
    return this.matchStart + len
  }

  push(): void {
    this.stack.push({ state: this.state, lparen: this.lparen, rparen: this.rparen })
    this.lparen = 0
  }

  pop(): boolean {
    const s = this.stack.pop()
    if (!s) {
      this.lparen = 0
      this.state = 'DEFAULT'
      return false
    }
    this.lparen = s.lparen
    this.rparen = s.rparen
    this.state = s.state
    return true
  }

  rparenHandler(): void {
    if (this.inComment) return
    for (;;) {
      if (this.lparen > 0) {
        if (this.lparen === this.rparen + 1) this.pop()
        else this.rparen++
        return
      }
      if (!this.pop()) return
    }
  }

  /** Reads the next token; throws VtlSyntaxError on a lexical error. */
  next(): Token {
    let specials: string[] | undefined
    for (;;) {
      const start = this.pos
      if (start >= this.src.length) return this.make('EOF', '', start, specials)
      let image = ''
      let restart = false
      for (;;) {
        const rule = this.matchRule()
        if (!rule) throw this.lexError(image)
        const len = this.matchLen
        this.matchStart = this.pos
        const back = rule.action?.(this, len) ?? 0
        if (rule.cat === 'skip') {
          this.pos += len - back
          restart = true
          break
        }
        if (rule.cat === 'special') {
          ;(specials ??= []).push(image + this.src.slice(this.pos, this.pos + len))
          this.pos += len - back
          restart = true
          break
        }
        const kept = this.src.slice(this.pos, this.pos + len - back)
        this.pos += len - back
        // Velocity's DOT action replaces the whole image (MORE prefix included) with '.'.
        image = rule.kind === 'DOT' ? '.' : image + kept
        if (rule.cat === 'more') {
          if (this.pos >= this.src.length) throw this.lexError(image)
          continue
        }
        return this.make(rule.kind as TokenKind, image, start, specials)
      }
      if (restart) continue
    }
  }

  /** Length of the last match `matchRule` found. */
  private matchLen = 0

  /** The longest rule matching here (the first declared on ties); its length in `matchLen`. */
  private matchRule(): Rule | undefined {
    const code = this.src.charCodeAt(this.pos)
    const rules = (RULES_BY_FIRST.get(this.state) as Rule[][])[code < 128 ? code : 128] as Rule[]
    let bestRule: Rule | undefined
    let bestLen = 0
    for (const rule of rules) {
      const len = rule.match(this.src, this.pos)
      if (len > bestLen) {
        bestRule = rule
        bestLen = len
      }
    }
    this.matchLen = bestLen
    return bestRule
  }

  private make(
    kind: TokenKind,
    image: string,
    start: number,
    specials: string[] | undefined,
  ): Token {
    return {
      kind,
      image,
      start: this.base + start,
      end: this.base + this.pos,
      special: specials ? filterSpecial(specials) : '',
      lastSpecial: specials ? specials[specials.length - 1] : undefined,
    }
  }

  private lexError(after: string): VtlSyntaxError {
    const at = this.base + this.pos
    const atEnd = this.pos >= this.src.length
    const found = atEnd ? 'end of the template' : `'${this.src[this.pos]}'`
    // The span must stay inside the text: at the end, mark the last character instead.
    const limit = this.base + this.src.length
    const end = Math.min(at + 1, limit)
    return new VtlSyntaxError(
      `Lexical error: unexpected ${found}${after ? ` after '${after}'` : ''}`,
      { start: Math.max(this.base, Math.min(at - 1, end - 1)), end },
      'vtl.lexical',
    )
  }
}
