import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import zh from '../../services/console/web/src/i18n/zh-CN';

/** Debian's Chromium (apt-get install chromium); playwright-core drives it, nothing is downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '..', '..');
export const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run does it)`);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

/** The console's app is built by `npm run build` (vite); a checkout that only ran `tsc -b` gets it built here. */
export function ensureConsoleBuilt(): void {
  if (fs.existsSync(path.join(ROOT, 'services', 'console', 'dist', 'web', 'index.html'))) return;
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--config', 'services/console/web/vite.config.mts', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the console's build failed:\n${build.stdout}${build.stderr}`);
}

/** A person's own browser: a phone (360 px) or a desk, at a place, in Chinese, with an eye on script dialogs (none may open). */
export async function personContext(browser: Browser, options: { phone: boolean; place?: { lat: number; lng: number } }): Promise<{ context: BrowserContext; page: Page; dialogs: string[] }> {
  const context = await browser.newContext({
    viewport: options.phone ? { width: 360, height: 780 } : { width: 1280, height: 860 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(options.place ? { geolocation: { latitude: options.place.lat, longitude: options.place.lng }, permissions: ['geolocation'] } : {}),
  });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { context, page, dialogs };
}

/**
 * Each role's main screen, saved with the run's logs; `UPDATE_SCREENSHOTS=1` also writes the
 * README's copies in docs/screenshots (so an ordinary run leaves the checkout as it was).
 */
export async function screenshot(page: Page, name: string, logDir: string): Promise<void> {
  const dirs = [path.join(logDir, 'screenshots'), ...(process.env.UPDATE_SCREENSHOTS === '1' ? [SCREENSHOTS] : [])];
  const image = await page.screenshot({ fullPage: false });
  for (const dir of dirs) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.png`), image);
  }
}

/**
 * Chooses an option of an Ant Design Select as a person does (open the list, click the
 * option) and checks that the field shows it. On a busy machine a click can land while the
 * list is still sliding in and choose nothing; a person would see the empty field and choose
 * again, and so does this, up to three times. (The visible options carry their label as
 * title; the role=option list is for screen readers.)
 */
export async function chooseOption(page: Page, combobox: string, option: string): Promise<void> {
  const box = page.getByRole('combobox', { name: combobox });
  const shown = page.locator('.ant-select').filter({ has: box }).getByTitle(option, { exact: true });
  // The list is a portal at the end of the page, after the field that would show the choice.
  const listed = page.getByTitle(option, { exact: true }).last();
  for (let attempt = 1; ; attempt++) {
    if (!(await listed.isVisible())) await box.click();
    await listed.click();
    try {
      await shown.waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/**
 * Signs in on the console's development sign-in page as a persona: finds them, clicks their
 * 登录 and waits for the sign-in page to go. On a busy machine the click can land while the
 * persona's group is still sliding open and do nothing (no sign-in request reached the
 * console server, seen on a failure screenshot); a person would click again, and so does
 * this, up to three times.
 */
export async function signInAs(page: Page, consoleUrl: string, persona: string): Promise<void> {
  await page.goto(consoleUrl);
  await page.getByRole('searchbox', { name: zh.signIn.search }).fill(persona);
  const button = page.getByRole('button', { name: `${zh.signIn.signIn} ${persona}`, exact: true });
  for (let attempt = 1; ; attempt++) {
    await button.click();
    try {
      await button.waitFor({ state: 'detached', timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}
