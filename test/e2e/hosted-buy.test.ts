import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { STRINGS, formatMoney } from '../../src/hosted/strings.js';
import { startMockServer } from '../../src/index.js';
import { DEMO } from '../helpers/app.js';
import { screenshot } from '../helpers/browser.js';
import { adminOrder, initOrder, notificationWith, openHostedPage, putMerchant, returnParams } from '../helpers/hosted.js';
import { SEED } from '../helpers/orders.js';

const en = STRINGS.en;
const fr = STRINGS.fr;

/** A merchant's own page (another origin than the mock) that opens the flow the SDK's way (api-notes §4). */
async function merchantSite(): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    response.setHeader('content-type', 'text/html; charset=utf-8');
    if (url.pathname === '/checkout') {
      const src = (url.searchParams.get('src') ?? '').replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
      response.end(`<!doctype html><title>Shop</title>
<script>window.addEventListener('message', function (e) { window.recordMessage({ origin: e.origin, data: e.data }); });</script>
<h1>Checkout</h1>
<iframe id="flx-online" name="flx-online" src="${src}" sandbox="allow-forms allow-pointer-lock allow-popups allow-same-origin allow-scripts allow-top-navigation" style="width:100%;height:600px;border:0"></iframe>`);
      return;
    }
    response.end(`<!doctype html><title>Back at the shop</title><h1>${url.pathname}</h1>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Issue 5, acceptance 3, 4, 5, 7 (buy step) and 8, in Debian's Chromium against a real listening
 * server. One browser for the file.
 */
test('hosted buy, apply/buy and framed flows in Chromium', async (t) => {
  const mock = await startMockServer();
  t.after(() => mock.close());
  const { browser, page, problems, button, returned, merchantView } = await openHostedPage(t, mock);

  await t.test('3. buy with 2374980012897093: the plans for the amount, the chosen plan in the notification, credit goes down', async () => {
    const order = await initOrder(mock, { ...SEED.buy, amount_requested: 1200 });
    await page.goto(order.redirection_url);
    assert.equal(await page.getByTestId('available-credit').innerText(), '$7,500.00');
    const offered = await page.locator('input[name="plan_id"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    assert.deepEqual(offered, ['4', '6', '12', '1'], 'the merchant plans whose range holds 1,200.00');
    assert.equal(await page.getByTestId('plan-12-term').innerText(), '12 months');
    assert.equal(await page.getByTestId('plan-12-monthly').innerText(), '$104.17');
    await page.getByTestId('plan-12').check();
    await screenshot(page, 'buy-1-plans');
    await Promise.all([returned('success'), button(en.continue).click()]);
    await screenshot(page, 'buy-2-merchant-success-page');
    const { notification, deliveries } = await merchantView(order.online_order_id);
    assert.equal(notification.purchase.purchase_status, 'SUCCESS');
    assert.equal(notification.purchase.plan_id, '12');
    assert.equal(notification.purchase.term, 12);
    assert.equal(deliveries.length, 1);

    // The next purchase on the card sees the lower available credit; this one is cancelled on the buy step (acceptance 4).
    const next = await initOrder(mock, { ...SEED.buy, amount_requested: 100 });
    await page.goto(next.redirection_url);
    assert.equal(await page.getByTestId('available-credit').innerText(), '$6,300.00');
    await Promise.all([returned('failure'), button(en.cancel).click()]);
    const cancelled = await merchantView(next.online_order_id);
    assert.equal(cancelled.notification.purchase.purchase_status, 'CANCELLED');
    assert.equal(cancelled.deliveries.length, 1);
  });

  await t.test('3 and 7. an amount above the available credit is declined (in French throughout)', async () => {
    const order = await initOrder(mock, { ...SEED.buy, lang: 'fr-CA', amount_requested: 400, vcc: '2374980012811114' });
    await page.goto(order.redirection_url);
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    const text = await page.locator('body').innerText();
    for (const word of [/\bContinue\b/, /\bCancel\b/, /\bmonths\b/, /Payment plans/, /Available credit/]) assert.doesNotMatch(text, word);
    assert.ok(text.includes(fr.buy.plans));
    assert.equal(await page.getByTestId('available-credit').innerText(), formatMoney(25_000, 'fr'), 'French money: 250,00 $ with non-breaking spaces');
    await screenshot(page, 'buy-3-fr-plans');
    await button(fr.continue).click();
    await page.getByTestId('outcome-title').waitFor();
    assert.equal(await page.getByTestId('status').innerText(), 'DECLINED');
    assert.equal(await page.getByTestId('outcome-title').innerText(), fr.outcome.DECLINED!.title);
    await screenshot(page, 'buy-4-fr-declined');
    await Promise.all([returned('failure'), button(fr.continue).click()]);
    const { notification, deliveries } = await merchantView(order.online_order_id);
    assert.equal(notification.purchase.purchase_status, 'DECLINED');
    assert.equal(deliveries.length, 1);
  });

  await t.test('3. the not-found test card 2374980012873425 gives a clear error; another card then pays', async () => {
    const order = await initOrder(mock, { ...SEED.buy, vcc: '2374980012873425' });
    await page.goto(order.redirection_url);
    assert.match(await page.getByTestId('errors').innerText(), new RegExp(en.errors.cardNotFoundInit));
    await page.getByTestId('card').fill('2374 9800 1287 3425');
    await button(en.continue).click();
    await page.getByTestId('errors').waitFor();
    assert.match(await page.getByTestId('errors').innerText(), new RegExp(en.errors.cardNotFound));
    await screenshot(page, 'buy-5-card-not-found');
    assert.equal((await adminOrder(mock, order.online_order_id)).status, 'IN_PROGRESS');
    await page.getByTestId('card').fill('2374980012865116');
    await Promise.all([returned('success'), button(en.continue).click()]);
    const { notification, deliveries } = await merchantView(order.online_order_id);
    assert.equal(notification.purchase.purchase_status, 'SUCCESS');
    assert.equal(notification.purchase.customer_id, '1293836');
    assert.equal(deliveries.length, 1);
  });

  await t.test('4. apply/buy completes both steps on the new account', async () => {
    const order = await initOrder(mock, { ...SEED['apply/buy'], mname: 'A-RR_M' });
    await page.goto(order.redirection_url);
    await page.getByTestId('pin').fill('2222');
    await screenshot(page, 'applybuy-0-apply-step');
    await button(en.continue).click();
    await page.getByTestId('new-account').waitFor();
    assert.equal(await page.getByTestId('available-credit').innerText(), '$10,000.00', 'the A-RR_M limit');
    await screenshot(page, 'applybuy-1-buy-step');
    await Promise.all([returned('success'), button(en.continue).click()]);
    const { notification, deliveries } = await merchantView(order.online_order_id);
    assert.equal(notification.apply_status, 'SUCCESS');
    assert.equal(notification.purchase.purchase_status, 'SUCCESS');
    assert.equal(notification.purchase.plan_id, '4');
    assert.equal(String(notification.apply.customer_id), notification.purchase.customer_id);
    assert.equal(deliveries.length, 1, 'the approval inside apply/buy is not final; the purchase is');
  });

  await t.test('5. inside an iframe on a merchant page: flx-success and flx-cancel are posted to the parent, the top window navigates', async (t) => {
    const site = await merchantSite();
    t.after(site.close);
    const demo = (await (await fetch(`${mock.adminUrl}/merchants/${DEMO.clientId}`)).json()) as Record<string, unknown>;
    const shop = { clientId: 'framedshop', clientSecret: 'framed-secret' };
    await putMerchant(mock, shop.clientId, {
      ...demo,
      client_id: shop.clientId,
      client_secret: shop.clientSecret,
      trust_url: site.origin,
      success_url: `${site.origin}/return/success?cart=42`,
      failure_url: `${site.origin}/return/failure`,
    });
    const framed = await browser.newPage();
    framed.setDefaultTimeout(30_000);
    framed.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`framed: ${message.text()}`);
    });
    const messages: { origin: string; data: { eventType: string; eventData: { orderId: number; status: string } } }[] = [];
    await framed.exposeFunction('recordMessage', (message: (typeof messages)[number]) => messages.push(message));
    const waitForMessage = async (eventType: string) => {
      for (let i = 0; i < 500 && !messages.some((m) => m.data.eventType === eventType); i++) await new Promise((r) => setTimeout(r, 10));
      return messages.find((m) => m.data.eventType === eventType);
    };

    const approved = await initOrder(mock, { ...SEED.apply, mname: 'A-RR_L' }, shop);
    await framed.goto(`${site.origin}/checkout?src=${encodeURIComponent(approved.redirection_url)}`);
    const frame = framed.frameLocator('#flx-online');
    await frame.getByTestId('pin').fill('2222');
    await screenshot(framed, 'iframe-1-apply');
    await Promise.all([framed.waitForURL((url) => url.pathname === '/return/success'), frame.getByRole('button', { name: en.continue, exact: true }).click()]);
    const success = await waitForMessage('flx-success');
    assert.deepEqual(success?.data, { eventType: 'flx-success', eventData: { orderId: approved.online_order_id, status: 'SUCCESS' } });
    assert.equal(success?.origin, new URL(mock.url.replace('127.0.0.1', 'localhost')).origin);
    const back = new URL(framed.url());
    assert.equal(back.searchParams.get('cart'), '42', 'the merchant\'s own query is kept');
    assert.equal(back.searchParams.get('orderId'), String(approved.online_order_id));
    const lookup = await notificationWith(mock, shop.clientId, approved.online_order_id, back.searchParams.get('auth_token')!);
    assert.equal(lookup.body.apply_status, 'SUCCESS');

    const cancelled = await initOrder(mock, SEED.buy, shop);
    await framed.goto(`${site.origin}/checkout?src=${encodeURIComponent(cancelled.redirection_url)}`);
    await frame.getByTestId('plan-4').waitFor();
    await screenshot(framed, 'iframe-2-buy');
    await Promise.all([framed.waitForURL((url) => url.pathname === '/return/failure'), frame.getByRole('button', { name: en.cancel, exact: true }).click()]);
    const cancel = await waitForMessage('flx-cancel');
    assert.deepEqual(cancel?.data, { eventType: 'flx-cancel', eventData: { orderId: cancelled.online_order_id, status: 'CANCELLED' } });
    assert.equal((await adminOrder(mock, cancelled.online_order_id)).timeline.deliveries.length, 1);
    await framed.close();
  });
});
