/**
 * Page objects for the playground, one class per panel, all built on test ids. Editors may be
 * Monaco or the plain fallback; `EditorPanel` drives both the same way a person would.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test'

/** Resolves after the page has rendered a frame. */
async function nextFrame(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))))
}

/** Any code editor by test id: Monaco once loaded, a textarea/input before. */
export class EditorPanel {
  constructor(private readonly page: Page) {}

  editor(testId: string): Locator {
    return this.page.getByTestId(testId)
  }

  /** Replaces the editor's whole text, typing like a person (select all, then insert). */
  async setText(testId: string, text: string, how: 'type' | 'paste' = 'type'): Promise<void> {
    const editor = this.editor(testId)
    await this.settle(editor)
    // The pointer arrives, then presses, in separate frames as a person's would: Playwright's
    // click sends the move, press and release at once, and Chromium then handles all three in
    // one main-thread task, which the long-task checks would count as one.
    // The click must leave the focus in the editor before any key is pressed: on a busy machine a
    // late answer can re-lay out the rule table between the pointer's arrival and its press, and
    // the press then lands beside the editor (the keys would go to the page's body).
    for (let attempt = 0; ; attempt++) {
      await editor.hover()
      await nextFrame(this.page)
      await editor.click()
      const focused = await editor.evaluate((el) => el.contains(document.activeElement))
      if (focused || attempt === 2) break
    }
    await expect.poll(() => editor.evaluate((el) => el.contains(document.activeElement))).toBe(true)
    // Delete the selection first: typing a bracket over a selection would surround it.
    await this.page.keyboard.press('ControlOrMeta+a')
    await this.page.keyboard.press('Delete')
    if (text === '') return
    // Typing key by key lets Monaco type over the brackets it auto-closes.
    if (how === 'paste')
      // One paste event, as Ctrl+V gives: Monaco takes insertText's text a character at a time.
      await this.page.evaluate((pasted) => {
        const data = new DataTransfer()
        data.setData('text/plain', pasted)
        document.activeElement?.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        )
      }, text)
    else if (!text.includes('\n')) await this.page.keyboard.type(text)
    else await this.page.keyboard.insertText(text)
    await expect.poll(() => this.text(testId)).toBe(text)
  }

  /** Waits until the lazily loaded editor (if any) has replaced the fallback. */
  private async settle(editor: Locator): Promise<void> {
    await this.page.waitForLoadState('networkidle')
    const plain = await editor.evaluate(
      (el) => el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement,
    )
    if (!plain) await editor.locator('.view-lines').waitFor()
  }

  /** The editor's current text. */
  async text(testId: string): Promise<string> {
    return this.editor(testId).evaluate((el) => {
      if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return el.value
      const lines = el.querySelector('.view-lines')
      return (lines?.textContent ?? '').replace(/\u00a0/g, ' ')
    })
  }
}

/** The header: presets, integration type, Share, Import / Export. */
export class HeaderBar {
  constructor(private readonly page: Page) {}

  async choosePreset(id: string): Promise<void> {
    await this.page.getByTestId('preset').selectOption(id)
  }

  async chooseIntegration(kind: 'proxy' | 'custom'): Promise<void> {
    await this.page.getByTestId(`integration-type.${kind}`).check()
  }

  /** Clicks Share and returns the link it offers. */
  async share(): Promise<string> {
    await this.page.getByTestId('share').click()
    const url = this.page.getByTestId('share.url')
    await expect(url).toHaveValue(/#.+/)
    return url.inputValue()
  }

  /** Clicks Export and returns the downloaded file's text. */
  async exportScenario(): Promise<string> {
    const download = this.page.waitForEvent('download')
    await this.page.getByTestId('export').click()
    const stream = await (await download).createReadStream()
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  }
}

/** The integration responses table. */
export class RulesPanel {
  constructor(private readonly page: Page) {}

  badge(status: string): Locator {
    return this.page.getByTestId(`rule.${status}.badge`)
  }

  explanation(status: string): Locator {
    return this.page.getByTestId(`rule.${status}.explanation`)
  }

  selected(status: string): Locator {
    return this.page.getByTestId(`rule.${status}.selected`)
  }
}

/** The Lambda outcome panel. */
export class LambdaPanel {
  constructor(private readonly page: Page) {}

  errorMessage(): Locator {
    return this.page.getByTestId('lambda.error-message')
  }
}

/** What the client receives. */
export class ResponsePanel {
  constructor(private readonly page: Page) {}

  status(): Locator {
    return this.page.getByTestId('response.status')
  }

  body(): Locator {
    return this.page.getByTestId('response.body')
  }
}

/** The trace, the pipeline diagram and the execution log. */
export class TracePanel {
  constructor(private readonly page: Page) {}

  stage(name: string): Locator {
    return this.page.getByTestId(`trace.stage.${name}`)
  }

  pipelineWinner(): Locator {
    return this.page.getByTestId('pipeline.winner')
  }

  log(): Locator {
    return this.page.getByTestId('log')
  }
}

/** The dismissible banner. */
export class BannerPanel {
  constructor(private readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('banner')
  }

  async dismiss(): Promise<void> {
    await this.page.getByTestId('banner.dismiss').click()
  }
}

type Panels = {
  editors: EditorPanel
  header: HeaderBar
  rules: RulesPanel
  lambda: LambdaPanel
  response: ResponsePanel
  tracePanel: TracePanel
  banner: BannerPanel
}

/** Playwright's `test` with the playground's page objects. */
export const test = base.extend<Panels>({
  editors: async ({ page }, use) => use(new EditorPanel(page)),
  header: async ({ page }, use) => use(new HeaderBar(page)),
  rules: async ({ page }, use) => use(new RulesPanel(page)),
  lambda: async ({ page }, use) => use(new LambdaPanel(page)),
  response: async ({ page }, use) => use(new ResponsePanel(page)),
  tracePanel: async ({ page }, use) => use(new TracePanel(page)),
  banner: async ({ page }, use) => use(new BannerPanel(page)),
})

export { expect }
