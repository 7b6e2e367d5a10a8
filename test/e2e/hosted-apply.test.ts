import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STRINGS } from '../../src/hosted/strings.js';
import { startMockServer } from '../../src/index.js';
import { DEMO } from '../helpers/app.js';
import { screenshot } from '../helpers/browser.js';
import { adminOrder, initOrder, merchantToken, notificationWith, openHostedPage, returnParams } from '../helpers/hosted.js';
import { SEED } from '../helpers/orders.js';

const en = STRINGS.en;
const fr = STRINGS.fr;

/**
 * Issue 5, acceptance 1, 2, 4 (cancel on the apply step), 6, 7 and 8, in Debian's Chromium against
 * a real listening server: the shopper's whole way from `redirection_url` back to the merchant.
 * One browser and one page for the file, to keep the suite light.
 */
test('hosted apply flow in Chromium', async (t) => {
  const mock = await startMockServer();
  t.after(() => mock.close());
  const { page, dialogs, button, returned, merchantView } = await openHostedPage(t, mock);

  await t.test('1. A-RR_L, a wrong PIN, then PIN 2222 → success_url with orderId and auth_token; SUCCESS and a customer id', async () => {
    const order = await initOrder(mock, { ...SEED.apply, mname: 'A-RR_L' });
    await page.goto(order.redirection_url);
    await screenshot(page, 'apply-1-form');
    assert.equal(await page.locator('input[name="mname"]').inputValue(), 'A-RR_L', 'pre-filled from init');
    assert.equal(await page.getByTestId('fname').inputValue(), 'Tommy');
    await page.locator('input[name="pin"]').fill('1111');
    await button(en.continue).click();
    await page.getByTestId('errors').waitFor();
    assert.match(await page.getByTestId('errors').innerText(), new RegExp(en.errors.wrongPin));
    await screenshot(page, 'apply-2-wrong-pin');

    await page.locator('input[name="pin"]').fill('2222');
    await Promise.all([returned('success'), button(en.continue).click()]);
    await screenshot(page, 'apply-3-merchant-success-page');
    const { notification, deliveries } = await merchantView(order.online_order_id);
    assert.equal(notification.apply_status, 'SUCCESS');
    assert.equal(notification.apply.apply_status, 'SUCCESS');
    assert.equal(typeof notification.apply.customer_id, 'number');
    assert.equal(deliveries.length, 1, 'acceptance 8: one outbox row');
    assert.equal(deliveries[0]!.notification_type, 'Success');
    assert.match(await page.getByTestId('notification').innerText(), /"apply_status": "SUCCESS"/);

    // Back to the page (the browser's Back button, a bookmark): it says the order is finished, with no form to submit again.
    await page.goto(order.redirection_url);
    assert.equal(await page.getByTestId('status').innerText(), 'SUCCESS');
    assert.equal(await page.locator('input[name="pin"]').count(), 0);
    await screenshot(page, 'apply-3b-finished');
  });

  await t.test('2. D-FRAUD typed as the middle name → outcome page → failure_url, DECLINED', async () => {
    const order = await initOrder(mock, SEED.apply);
    await page.goto(order.redirection_url);
    await page.getByTestId('mname').fill('D-FRAUD');
    await page.getByTestId('pin').fill('2222');
    await button(en.continue).click();
    await page.getByTestId('outcome-title').waitFor();
    assert.equal(await page.getByTestId('status').innerText(), 'DECLINED');
    await screenshot(page, 'apply-4-declined-outcome');
    await Promise.all([returned('failure'), button(en.continue).click()]);
    const { notification, deliveries } = await merchantView(order.online_order_id);
    assert.equal(notification.apply_status, 'DECLINED');
    assert.equal(deliveries.length, 1);
  });

  await t.test('2. P-CREDIT → pending outcome page → success_url, PENDING', async () => {
    const order = await initOrder(mock, { ...SEED.apply, mname: 'P-CREDIT' });
    await page.goto(order.redirection_url);
    await page.getByTestId('pin').fill('2222');
    await button(en.continue).click();
    await page.getByTestId('outcome-title').waitFor();
    assert.equal(await page.getByTestId('status').innerText(), 'PENDING');
    await screenshot(page, 'apply-5-pending-outcome');
    await Promise.all([returned('success'), page.getByTestId('continue').click()]);
    const { notification, deliveries } = await merchantView(order.online_order_id);
    assert.equal(notification.apply_status, 'PENDING');
    assert.equal(deliveries.length, 1);
  });

  await t.test('4. Cancel on the apply step → failure_url, CANCELLED', async () => {
    const order = await initOrder(mock, SEED.apply);
    await page.goto(order.redirection_url);
    // Cancel works with the required PIN left empty (the button skips form validation).
    await Promise.all([returned('failure'), button(en.cancel).click()]);
    await screenshot(page, 'apply-6-cancelled-merchant-page');
    const { notification, deliveries } = await merchantView(order.online_order_id);
    assert.equal(notification.apply_status, 'CANCELLED');
    assert.equal(deliveries.length, 1);
    assert.equal(deliveries[0]!.notification_type, 'Cancelled');
  });

  await t.test('6. a first name of <img src=x onerror=alert(1)> is shown as text; no script runs', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const order = await initOrder(mock, { ...SEED.apply, fname: payload });
    await page.goto(order.redirection_url);
    assert.equal(await page.getByTestId('greeting').innerText(), `${en.greeting} ${payload}`);
    assert.equal(await page.getByTestId('fname').inputValue(), payload);
    assert.equal(await page.locator('img').count(), 0);
    await screenshot(page, 'apply-7-xss-as-text');
    await page.getByTestId('pin').fill('2222');
    await Promise.all([returned('success'), button(en.continue).click()]);
    assert.deepEqual(dialogs, [], 'no alert ran');
    const stored = await adminOrder(mock, order.online_order_id);
    assert.equal(stored.outcome.applicant.fname, payload, 'the name reached the order unchanged');
    // The dialog listener does catch an alert, so the empty list above means something.
    await page.evaluate(() => alert('probe'));
    assert.deepEqual(dialogs, ['probe']);
    dialogs.length = 0;
  });

  await t.test('learn-more: an informational page with the plans and a close control back to the merchant', async () => {
    const token = await merchantToken(mock);
    const response = await fetch(`${mock.apiUrl}/online/client-id/${DEMO.clientId}/systems/learn-more`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-reference-id': crypto.randomUUID() },
      body: JSON.stringify({ amount_requested: 499, lang: 'en-CA' }),
    });
    const { redirection_url } = (await response.json()) as { redirection_url: string };
    await page.goto(redirection_url);
    assert.match(await page.getByTestId('plan-4').innerText(), /3 months · \$166\.33 per month/);
    assert.equal(await page.getByTestId('close').getAttribute('href'), 'http://localhost:3000');
    await screenshot(page, 'learn-more');
  });

  await t.test('7. lang=fr renders French throughout: form, wrong PIN, outcome', async () => {
    const order = await initOrder(mock, { ...SEED.apply, lang: 'fr-CA' });
    assert.match(order.redirection_url, /\?lang=fr$/);
    await page.goto(order.redirection_url);
    const english = [/\bContinue\b/, /\bCancel\b/, new RegExp(en.fields.fname!), new RegExp(en.apply.title), /\bPIN\b/];
    const assertFrench = async () => {
      assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
      const text = await page.locator('body').innerText();
      for (const word of english) assert.doesNotMatch(text, word);
    };
    await assertFrench();
    assert.ok(await button(fr.continue).isVisible());
    assert.ok(await button(fr.cancel).isVisible());
    await screenshot(page, 'apply-8-fr-form');
    await page.getByTestId('mname').fill('D-NO_HIT');
    await page.getByTestId('pin').fill('0000');
    await button(fr.continue).click();
    await page.getByTestId('errors').waitFor();
    assert.match(await page.getByTestId('errors').innerText(), new RegExp(fr.errors.wrongPin));
    await assertFrench();
    await page.getByTestId('pin').fill('2222');
    await button(fr.continue).click();
    await page.getByTestId('outcome-title').waitFor();
    assert.equal(await page.getByTestId('outcome-title').innerText(), fr.outcome.DECLINED!.title);
    await assertFrench();
    await screenshot(page, 'apply-9-fr-outcome');
    await Promise.all([returned('failure'), button(fr.continue).click()]);
    assert.equal((await merchantView(order.online_order_id)).notification.apply_status, 'DECLINED');
  });
});
