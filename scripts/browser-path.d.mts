/** A Chromium found on this machine. */
export type FoundChromium = {
  /** Absolute path of the executable. */
  path: string
  /** How it was found, for the log line. */
  why: string
  /** True for a binary Playwright did not download (launch it via `executablePath`). */
  system: boolean
}
/** The system Chromium Debian's `chromium` package installs. */
export declare const SYSTEM_CHROMIUM: string
/** Launch flags for a system Chromium (containers, no calls home). */
export declare const SYSTEM_CHROMIUM_FLAGS: string[]
/** Playwright's own downloaded Chromium, when present. */
export declare function playwrightChromium(): string | undefined
/** `CHROMIUM_PATH`, then the system Chromium, then Playwright's own; undefined when none. */
export declare function findChromium(): FoundChromium | undefined
