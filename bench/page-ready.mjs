// The page's ready time as a user meets it, for the browser benches: the first visit (cold: downloads the
// bundle), then `reloads` visits once the service worker controls the page (warm: stored bundle).
// -> { cold, warm: [ms...] } from the page's own data-ready-ms.
export async function pageReadyTimes(page, url, reloads, { timeout = 120_000 } = {}) {
  const ready = async () => {
    await page.goto(url);
    await page.waitForSelector('body[data-state="ready"]', { timeout });
    return Number(await page.getAttribute('body', 'data-ready-ms'));
  };
  const cold = await ready();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  const warm = [];
  for (let i = 0; i < reloads; i++) warm.push(await ready());
  return { cold, warm };
}
