import type { Json, Scenario } from '../model'

/** UI preferences that travel with a shared scenario (layout, theme...), kept beside it. */
export type ShareUi = { [key: string]: Json }

/** What a share link carries. */
export type ShareState = {
  /** The scenario, exactly as the editors hold it. */
  scenario: Scenario
  /** Small UI preferences; absent when there are none to share. */
  ui?: ShareUi
}

/** A decoded link: plain JSON, not yet validated (the UI runs `validateScenario` on it). */
export type DecodedShareState = {
  scenario: unknown
  ui?: unknown
}

/**
 * Why a link could not be decoded:
 * - `empty`: nothing after `#`;
 * - `unknown-version`: a `vN.` prefix this build does not know (made by a newer lab?);
 * - `corrupt`: not a share link, or its bytes are damaged;
 * - `truncated`: the text was cut short (e.g. by a chat client);
 * - `too-large`: over the fragment or decompressed size limit;
 * - `not-json`: the bytes are fine but the content is not JSON;
 * - `invalid`: JSON of the wrong shape, or with forbidden keys.
 */
export type ShareErrorCode =
  'empty' | 'unknown-version' | 'corrupt' | 'truncated' | 'too-large' | 'not-json' | 'invalid'

/** A decoding failure, with a message the UI can show as is. */
export type ShareError = { code: ShareErrorCode; message: string }

/** Outcome of decoding a link; never an exception. */
export type ShareDecodeResult =
  { ok: true; value: DecodedShareState; version: number } | { ok: false; error: ShareError }
