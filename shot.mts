import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update'] });
const pages = process.argv.slice(2);
for (const p of pages) for (const [w,h,scheme] of [[1280,900,'light'],[390,844,'dark']] as const) {
  const ctx = await b.newContext({ viewport: { width: w, height: h }, colorScheme: scheme });
  const pg = await ctx.newPage();
  await pg.goto(`http://127.0.0.1:4399/${p}/`);
  await pg.evaluate((s) => { document.documentElement.dataset.theme = s; }, scheme);
  const fig = pg.locator('main figure svg').first();
  if (await fig.count()) await fig.scrollIntoViewIfNeeded();
  await pg.screenshot({ path: `/tmp/shot-${p}-${w}.png` });
  await ctx.close();
}
await b.close();
