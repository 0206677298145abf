import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AxeResults, Result } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { waitFor } from '@passage/testing';

/** The system Chromium (Debian's package); tools/install-chromium.sh installs it. */
export function chromiumPath(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('the browser tests need Chromium on PATH as "chromium": run `bash tools/install-chromium.sh`');
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * What a page did wrong while a test used it: a Content-Security-Policy violation, an uncaught error, or a request
 * whose URL carries the bearer token (tokens belong in the Authorization header only).
 */
export interface PageProblems {
  readonly list: string[];
}

export function watchPage(page: Page, secrets: readonly string[] = []): PageProblems {
  const list: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(text)) list.push(`CSP: ${text}`);
  });
  page.on('pageerror', (error) => list.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    for (const secret of secrets)
      if (request.url().includes(secret))
        list.push(`token in a URL: ${request.method()} ${request.url().slice(0, 80)}…`);
  });
  return { list };
}

/** A new context (own sessionStorage) with a given viewport and language. */
export async function newContext(
  browser: Browser,
  options: { width?: number; height?: number; locale?: string } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: options.width ?? 1100, height: options.height ?? 900 },
    locale: options.locale ?? 'nl-BE',
    reducedMotion: 'reduce',
  });
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

function describe(violation: Result): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map((node) => `    ${node.target.join(' ')}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300)}`)
    .join('\n');
  return `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}\n${nodes}`;
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now and returns the violations, described.
 * axe is evaluated through the DevTools protocol, which the page's CSP does not restrict (an injected <script>
 * would be refused, as it should).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate('typeof window.axe !== "undefined"');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const results = (await page.evaluate(
    `window.axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} }, resultTypes: ['violations'] })`,
  )) as AxeResults;
  return results.violations.map(describe);
}

/**
 * The accessibility audit of every visited state, collected so one test reports all states at once. With
 * PASSAGE_BROWSER_SHOTS=<dir>, a screenshot of each audited state is written there too, for a person to look at.
 */
export class AxeAudit {
  private readonly found = new Map<string, string[]>();
  private readonly visited: string[] = [];

  async check(page: Page, state: string): Promise<void> {
    const shots = process.env['PASSAGE_BROWSER_SHOTS'];
    if (shots) {
      mkdirSync(shots, { recursive: true });
      await page.screenshot({
        path: join(
          shots,
          `${String(this.visited.length + 1).padStart(2, '0')}-${state.replace(/[^a-z0-9]+/gi, '-')}.png`,
        ),
      });
    }
    const violations = await axeViolations(page);
    this.visited.push(state);
    if (violations.length > 0) this.found.set(state, violations);
  }

  states(): readonly string[] {
    return this.visited;
  }

  /** `{ state: [violation…] }` for every state with violations; `{}` when there are none. */
  violations(): Record<string, string[]> {
    return Object.fromEntries(this.found);
  }
}

/** Presses Tab (at most `max` times) until the focused element matches `selector`: keyboard only, no clicks. */
export async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (
      await page.evaluate(
        `document.activeElement !== null && document.activeElement.matches(${JSON.stringify(selector)})`,
      )
    )
      return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The focused element, described (`h1#page-title`), for assertions on focus management. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(
    `(() => { const e = document.activeElement; if (!e) return ''; return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.getAttribute('data-flash') !== null ? '[data-flash]' : ''); })()`,
  ) as Promise<string>;
}

/** Waits (up to `timeoutMs`) until the focused element is `expected` (as `focused` describes it), and returns it. */
export function focusSettles(page: Page, expected: string, timeoutMs = 5000): Promise<string> {
  const settled = async () => ((await focused(page)) === expected ? expected : undefined);
  // Where focus ended up instead, for the assertion to show.
  return waitFor(`focus on ${expected}`, settled, { timeoutMs }).catch(() => focused(page));
}

/** Whether the page scrolls sideways (it must not, down to 320 CSS pixels). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(
    'document.documentElement.scrollWidth > document.documentElement.clientWidth + 1',
  ) as Promise<boolean>;
}
