import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Principal } from '@passage/auth';
// The end-to-end stack and HTTP driver are test code of test/e2e, shared here as they are (not a library).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startE2eStack, type E2eStack } from '../e2e/support/e2e-stack';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { driveOverHttp } from '../e2e/support/http-journey-driver';
import {
  AxeAudit,
  axeViolations,
  focused,
  focusSettles,
  launchChromium,
  newContext,
  scrollsSideways,
  tabTo,
  watchPage,
} from './support/browser';

const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');

const alice: Principal = { sub: 'alice', roles: ['citizen'] };
const bob: Principal = { sub: 'bob', roles: ['citizen'] };
const carol: Principal = { sub: 'carol', roles: ['citizen'] };
const kboOfficer: Principal = { sub: 'officer-an', roles: ['agency'], agency: 'ondernemingsloket' };

const SOLE_TRADER = {
  'business.legalForm': 'sole-trader',
  'business.sector': 'services',
  'business.tradeName': 'Atelier Carol',
  'business.activities': 'Vertalingen',
  'business.establishmentAddress': 'Kerkstraat 2, 2000 Antwerpen',
  'business.startDate': '2030-03-01',
  'business.mainOccupation': false,
  'business.subjectToVat': true,
  'business.expectedTurnover': 20000,
  'business.sellsAlcohol': false,
  'business.hasEmployees': false,
  'business.vlaremClass': 'none',
};

/** The sole-trader intake through the start form (ids come from the data item names). */
async function fillStartForm(page: Page): Promise<void> {
  await page.check('#intake-business-legalForm-0'); // sole-trader
  await page.check('#intake-business-sector-3'); // services
  await page.fill('#intake-business-tradeName', 'Studio Alice');
  await page.fill('#intake-business-activities', 'Grafisch ontwerp en webdesign');
  await page.fill('#intake-business-establishmentAddress', 'Veldstraat 1, 9000 Gent');
  await page.fill('#intake-business-startDate-day', '1');
  await page.fill('#intake-business-startDate-month', '9');
  await page.fill('#intake-business-startDate-year', String(new Date().getFullYear() + 1));
  await page.check('#intake-business-mainOccupation-0'); // yes
  await page.check('#intake-business-subjectToVat-0'); // yes
  await page.fill('#intake-business-expectedTurnover', '45000');
  await page.check('#intake-business-sellsAlcohol-1'); // no
  await page.check('#intake-business-hasEmployees-1'); // no
  await page.check('#intake-business-vlaremClass-0'); // none
}

describe('the Passage pages in a real browser', () => {
  let stack: E2eStack;
  let browser: Browser;
  const audit = new AxeAudit();

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startE2eStack(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  afterEach(() => {
    expect(audit.violations()).toEqual({});
  });

  it('has a working accessibility audit (axe-core finds a known violation)', async () => {
    const page = await browser.newPage();
    await page.setContent('<html><body><main><img src="x.png"><input type="text"></main></body></html>');
    const violations = await axeViolations(page);
    expect(violations.map((v) => v.split(' ')[0])).toEqual(
      expect.arrayContaining(['image-alt', 'html-has-lang', 'label']),
    );
    await page.close();
  });

  it('serves the pages at / with a strict CSP and a cache policy, and a 404 page without touching the API 404s', async () => {
    const shell = await fetch(`${stack.baseUrl}/journeys`, { headers: { accept: 'text/html' } });
    expect(shell.status).toBe(200);
    expect(shell.headers.get('content-type')).toMatch(/^text\/html/);
    expect(shell.headers.get('cache-control')).toBe('no-cache');
    const csp = shell.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(shell.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await shell.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline scripts
    expect(html).not.toMatch(/\sstyle=|<style/); // no inline styles
    const css = /href="(\/assets\/v-[0-9a-f]{12}\/app\.css)"/.exec(html)?.[1];
    expect(css).toBeDefined();
    const asset = await fetch(`${stack.baseUrl}${css}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${stack.baseUrl}/assets/app.css`)).headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${stack.baseUrl}/assets/nothing.js`)).status).toBe(404);

    const unknown = await fetch(`${stack.baseUrl}/no/such/page`, { headers: { accept: 'text/html' } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^text\/html/);
    for (const path of ['/api/nothing', '/api/journeys/x/y/z', '/health/nothing', '/metrics/nothing']) {
      const response = await fetch(`${stack.baseUrl}${path}`, { headers: { accept: 'text/html' } });
      expect({ path, status: response.status, body: await response.json() }).toEqual({
        path,
        status: 404,
        body: { code: 'not-found', message: 'no such resource' },
      });
    }
    expect((await fetch(`${stack.baseUrl}/metrics`)).status).toBe(200);
    expect((await fetch(`${stack.baseUrl}/health/live`)).status).toBe(200);
  });

  it('lets a citizen start a business, follow every agency live, answer with the keyboard, see who used the data, and read it in French', async () => {
    const token = await stack.signToken({ ...alice });
    const officerToken = await stack.signToken({ ...kboOfficer });
    const context = await newContext(browser);
    const page = await context.newPage();
    const problems = watchPage(page, [token, officerToken]);

    // Sign in.
    await page.goto(`${stack.baseUrl}/sign-in`);
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    await audit.check(page, 'sign-in');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await focused(page)).toBe('div');
    await audit.check(page, 'sign-in with an error');

    // A ready link from the dev stack: the token leaves the address bar at once.
    await page.goto(`${stack.baseUrl}/#token=${token}`);
    await page.getByRole('heading', { level: 1, name: 'Mijn trajecten' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/journeys');
    expect(page.url()).not.toContain('token');
    expect(await page.evaluate('sessionStorage.getItem("passage.token")')).toBe(token);
    await audit.check(page, 'my journeys (empty)');

    // Start start-business through the generated form.
    await page.getByRole('link', { name: 'Een traject starten' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Een traject starten' }).waitFor();
    expect(await focusSettles(page, 'h1#page-title')).toBe('h1#page-title');
    await audit.check(page, 'start: choose a life event');
    await page.getByRole('link', { name: 'Starten: Ik start een onderneming' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ik start een onderneming' }).waitFor();
    await page.getByText('Deze gegevens halen we uit het Rijksregister').waitFor();
    await audit.check(page, 'start form');

    await page.getByRole('button', { name: 'Mijn traject starten' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await focused(page)).toBe('div');
    expect(await page.locator('.error-summary li').count()).toBe(12);
    const tradeName = page.locator('#intake-business-tradeName');
    expect(await tradeName.getAttribute('aria-invalid')).toBe('true');
    expect(await tradeName.getAttribute('aria-describedby')).toContain('intake-business-tradeName-error');
    await audit.check(page, 'start form with validation errors');

    await fillStartForm(page);
    await page.fill('#intake-business-expectedTurnover', 'veel');
    await page.getByRole('button', { name: 'Mijn traject starten' }).click();
    await page.locator('.error-summary li').first().waitFor();
    expect(await page.locator('.error-summary li').count()).toBe(1);
    await page.fill('#intake-business-expectedTurnover', '45 000');
    await page.getByRole('button', { name: 'Mijn traject starten' }).click();

    await page.waitForURL(/\/journeys\/journey-start-business-/);
    await page.locator('[data-flash]').waitFor();
    const journeyId = new URL(page.url()).pathname.split('/')[2] ?? '';
    expect(await focusSettles(page, 'div[data-flash]')).toBe('div[data-flash]');
    await page.evaluate('window.__sameDocument = true');

    // The first step asks for the IBAN (it appears live); answer it with the keyboard only.
    const iban = page.locator('#ask-business-account-business-iban');
    await iban.waitFor({ timeout: 30_000 });
    await audit.check(page, 'timeline: something is asked');
    await page.locator('#page-title').focus();
    await tabTo(page, '#ask-business-account-business-iban');
    await page.keyboard.type('BE68 5390 0754 7034');
    await page.keyboard.press('Enter');
    await page.getByText('Bedankt. We hebben je antwoorden ontvangen.').waitFor();
    expect(await focused(page)).toBe('p');

    // The business counter decides in its inbox (a second browser); the citizen's page follows live.
    const kboStep = page.locator('li.step', { hasText: 'Inschrijving in de Kruispuntbank van Ondernemingen' });
    await kboStep.getByText('In behandeling').waitFor({ timeout: 30_000 });
    await audit.check(page, 'timeline: an agency is deciding');
    if (process.env['PASSAGE_UPDATE_SCREENSHOTS']) {
      // The picture for the README: a journey under way (done, being decided, still to come, with their dates).
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.evaluate('document.activeElement && document.activeElement.blur()');
      await page.setViewportSize({ width: 900, height: 900 });
      await page.screenshot({ path: join(SCREENSHOTS, 'timeline.png'), fullPage: true });
      await page.setViewportSize({ width: 1100, height: 900 });
    }

    const staffContext = await newContext(browser);
    const staff = await staffContext.newPage();
    const staffProblems = watchPage(staff, [token, officerToken]);
    await staff.goto(`${stack.baseUrl}/#token=${officerToken}`);
    await staff.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await audit.check(staff, 'inbox');
    await staff.getByRole('link', { name: 'Inschrijving in de Kruispuntbank van Ondernemingen' }).first().click();
    await staff
      .getByRole('heading', { level: 1, name: 'Inschrijving in de Kruispuntbank van Ondernemingen' })
      .waitFor();
    expect(await staff.locator('.data-list').innerText()).toContain('BE68 5390 0754 7034');
    await audit.check(staff, 'task');
    await staff.getByRole('button', { name: 'Goedkeuren' }).click();
    await staff.locator('.error-summary').first().waitFor();
    await audit.check(staff, 'task with validation errors');
    await staff.fill('#out-business-enterpriseNumber', '0123.456.789');
    await staff.fill('#out-business-establishmentUnitNumber', '2.123.456.789');
    await staff.getByRole('button', { name: 'Goedkeuren' }).click();
    await staff.getByText('Je beslissing is bewaard.').waitFor();
    expect(await focusSettles(staff, 'div[data-flash]')).toBe('div[data-flash]');
    await audit.check(staff, 'inbox after a decision');

    await kboStep.getByText('Klaar', { exact: true }).waitFor({ timeout: 30_000 });
    expect(await page.evaluate('window.__sameDocument')).toBe(true); // updated live, not reloaded

    // The other agencies decide (over HTTP); the page shows the journey completed, still without reloading.
    await driveOverHttp(stack, await stack.as(alice), journeyId);
    await page.getByText('Alles is klaar. Je hoeft niets meer te doen.').waitFor({ timeout: 30_000 });
    expect(await page.evaluate('window.__sameDocument')).toBe(true);
    expect(await page.locator('.journey-status').innerText()).toContain('Afgerond');
    await audit.check(page, 'timeline: completed');

    // Who used my data.
    await page.getByRole('link', { name: 'Wie gebruikte mijn gegevens' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wie gebruikte mijn gegevens' }).waitFor();
    expect(await page.locator('table').innerText()).toContain('Medewerker van');
    await audit.check(page, 'access log');

    // Français: the UI and the content switch; focus stays on the language switch.
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Qui a utilisé mes données' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.getByRole('button', { name: 'Français' }).getAttribute('aria-pressed')).toBe('true');
    expect(await focused(page)).toBe('button');
    await audit.check(page, 'access log in French');
    await page.getByRole('link', { name: 'Retour à la démarche' }).click();
    await page.getByRole('heading', { level: 1, name: 'Je crée une entreprise' }).waitFor();
    expect(await page.locator('.journey-status').innerText()).toContain('Terminée');
    expect(await page.locator('#steps').innerText()).toContain('Inscription à la Banque-Carrefour des Entreprises');
    await audit.check(page, 'timeline in French');

    expect([...problems.list, ...staffProblems.list]).toEqual([]);
    await Promise.all([context.close(), staffContext.close()]);
  });

  it('withdraws a journey after a confirmation', async () => {
    const token = await stack.signToken({ ...bob });
    const context = await newContext(browser, { locale: 'en-GB' });
    const page = await context.newPage();
    const problems = watchPage(page, [token]);
    const client = await stack.as(bob);
    const started = await client.post<{ id: string }>('/api/journeys', {
      lifeEvent: 'start-business',
      intake: {
        'business.legalForm': 'company',
        'business.sector': 'horeca',
        'business.tradeName': 'Bij Bob',
        'business.activities': 'Café',
        'business.establishmentAddress': 'Markt 1, Brugge',
        'business.startDate': '2030-01-01',
        'business.mainOccupation': true,
        'business.subjectToVat': true,
        'business.expectedTurnover': 90000,
        'business.sellsAlcohol': true,
        'business.hasEmployees': true,
        'business.vlaremClass': 'class-3',
      },
    });
    expect(started.status).toBe(201);

    await page.goto(`${stack.baseUrl}/#token=${token}`);
    await page.getByRole('heading', { level: 1, name: 'My journeys' }).waitFor();
    await audit.check(page, 'my journeys (one journey)');
    await page.getByRole('link', { name: 'I start a business' }).click();
    await page.getByRole('heading', { level: 1, name: 'I start a business' }).waitFor();
    await page.getByRole('link', { name: 'Withdraw this journey' }).click();
    await page.getByRole('heading', { level: 1, name: 'Withdraw this journey?' }).waitFor();
    await audit.check(page, 'withdraw confirmation');
    await page.fill('#reason', 'I found a partner with a company already');
    await page.getByRole('button', { name: 'Yes, withdraw' }).click();
    await page.getByText('Your journey is withdrawn.').waitFor();
    await page.locator('.journey-status', { hasText: 'Withdrawn' }).waitFor({ timeout: 30_000 });
    await audit.check(page, 'timeline: withdrawn');

    // Sign out: the token is gone from the tab.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You are signed out.').waitFor();
    expect(await focusSettles(page, 'div[data-flash]')).toBe('div[data-flash]');
    expect(await page.evaluate('sessionStorage.getItem("passage.token")')).toBeNull();
    await audit.check(page, 'signed out');
    expect(problems.list).toEqual([]);
    await context.close();
  });

  it('works at 320 CSS pixels wide (400 % zoom) without sideways scrolling, and shows a 404 page', async () => {
    const token = await stack.signToken({ ...carol });
    const started = await (
      await stack.as(carol)
    ).post<{ id: string }>('/api/journeys', { lifeEvent: 'start-business', intake: SOLE_TRADER });
    expect(started.status).toBe(201);
    const context = await newContext(browser, { width: 320, height: 640 });
    const page = await context.newPage();
    const problems = watchPage(page, [token]);
    await page.goto(`${stack.baseUrl}/sign-in`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    // The skip link comes first and leads to the content.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a#skip-link');
    expect(await page.locator('#skip-link').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await focusSettles(page, 'main#main')).toBe('main#main');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('textarea#token');
    await audit.check(page, '320px: sign-in');

    await page.goto(`${stack.baseUrl}/#token=${token}`);
    await page.getByRole('heading', { level: 1, name: 'Mijn trajecten' }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await audit.check(page, '320px: my journeys');

    await page.getByRole('link', { name: 'Ik start een onderneming' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Ik start een onderneming' }).waitFor();
    await page.locator('#steps li').first().waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await audit.check(page, '320px: timeline');

    await page.getByRole('link', { name: 'Wie gebruikte mijn gegevens' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wie gebruikte mijn gegevens' }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await audit.check(page, '320px: access log');

    await page.goto(`${stack.baseUrl}/start/start-business`);
    await page.getByRole('heading', { level: 1, name: 'Ik start een onderneming' }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await audit.check(page, '320px: start form');

    // Switching the language keeps what was typed, and keeps focus on the switch.
    await page.fill('#intake-business-tradeName', 'Atelier Carol');
    await page.check('#intake-business-legalForm-1');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'I start a business' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.inputValue('#intake-business-tradeName')).toBe('Atelier Carol');
    expect(await page.isChecked('#intake-business-legalForm-1')).toBe(true);
    expect(await page.locator('label[for="intake-business-legalForm-1"]').innerText()).toBe('With a company');
    expect(await focused(page)).toBe('button');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ik start een onderneming' }).waitFor();

    const response = await page.goto(`${stack.baseUrl}/no/such/page`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
    await audit.check(page, '404 page');
    expect(problems.list).toEqual([]);
    await context.close();
  });
});
