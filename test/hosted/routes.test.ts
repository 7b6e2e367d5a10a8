import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { APPLY_PIN } from '../../src/hosted/forms.js';
import { STRINGS } from '../../src/hosted/strings.js';
import { DEMO, MAPLE, PUBLIC_URL, buildTestApp, bearer } from '../helpers/app.js';
import { actionPath, hostedOrder, postForm } from '../helpers/hosted.js';
import { NOTIFICATIONS, SEED } from '../helpers/orders.js';

const en = STRINGS.en;
const fr = STRINGS.fr;
const SUCCESS_URL = `${PUBLIC_URL}/demo/return/success`;
const FAILURE_URL = `${PUBLIC_URL}/demo/return/failure`;
const APPLICANT = { fname: 'Tommy', lname: 'Samson', pin: APPLY_PIN };

async function setup(t: TestContext) {
  return buildTestApp(t);
}

const isHtml = (response: { headers: Record<string, unknown> }) => String(response.headers['content-type']).startsWith('text/html');

test('an unknown token is a 404 HTML page, an unknown sub-route too', async (t) => {
  const { app } = await setup(t);
  for (const url of ['/hosted/nope', '/hosted/nope?lang=fr', '/hosted/nope/apply/more']) {
    const response = await app.inject({ method: 'GET', url });
    assert.equal(response.statusCode, 404, url);
    assert.ok(isHtml(response), url);
    const strings = url.includes('lang=fr') ? fr : en;
    assert.match(response.body, new RegExp(strings.notFound.title));
  }
  const post = await postForm(app, '/hosted/nope/apply', APPLICANT);
  assert.equal(post.statusCode, 404);
  assert.ok(isHtml(post));
});

test('the session expires after 24 h of the merchant\'s mock time: 410 "session expired"', async (t) => {
  const { app, clock } = await setup(t);
  const order = await hostedOrder(app, SEED.apply);
  clock.advance(24 * 3600 - 1, DEMO.clientId);
  assert.equal((await app.inject({ method: 'GET', url: order.path })).statusCode, 200);
  clock.advance(1, DEMO.clientId);
  const expired = await app.inject({ method: 'GET', url: order.path });
  assert.equal(expired.statusCode, 410);
  assert.match(expired.body, new RegExp(en.expired.title));
  const post = await postForm(app, actionPath(order.path, 'apply'), APPLICANT);
  assert.equal(post.statusCode, 410);
});

test('hosted pages carry a nonce CSP whose frame-ancestors name the trust_url origin and loopback', async (t) => {
  const { app } = await setup(t);
  const order = await hostedOrder(app, SEED.apply);
  const response = await app.inject({ method: 'GET', url: order.path });
  const csp = String(response.headers['content-security-policy']);
  const nonce = csp.match(/script-src 'nonce-([^']+)'/)?.[1];
  assert.ok(nonce, csp);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /frame-ancestors 'self' http:\/\/localhost:3000 http:\/\/localhost:\* http:\/\/127\.0\.0\.1:\*/);
  // Every script on the page carries the nonce.
  const scripts = response.body.match(/<script[^>]*>/g) ?? [];
  assert.ok(scripts.length > 0);
  for (const tag of scripts) assert.ok(tag.includes(`nonce="${nonce}"`), tag);
  assert.equal(response.headers['referrer-policy'], 'no-referrer');

  // A merchant without a trust_url may be framed from anywhere.
  const put = await app.inject({ method: 'PUT', url: `/__admin/merchants/${DEMO.clientId}`, payload: { ...((await app.inject({ url: `/__admin/merchants/${DEMO.clientId}` })).json() as object), trust_url: '' } });
  assert.ok(put.statusCode < 300, put.body);
  const open = await app.inject({ method: 'GET', url: order.path });
  assert.match(String(open.headers['content-security-policy']), /frame-ancestors \*/);
});

test('apply: a wrong PIN re-renders the form with an error and the order stays open; 2222 then succeeds', async (t) => {
  const { app, store } = await setup(t);
  const order = await hostedOrder(app, SEED.apply);
  const wrong = await postForm(app, actionPath(order.path, 'apply'), { ...APPLICANT, pin: '1111', mname: 'A-RR_L' });
  assert.equal(wrong.statusCode, 422);
  assert.match(wrong.body, new RegExp(en.errors.wrongPin));
  assert.match(wrong.body, /value="A-RR_L"/, 'the form keeps what was typed');
  assert.doesNotMatch(wrong.body, /value="1111"/, 'the PIN is not echoed');
  assert.equal(store.orders.byId(order.id)!.status, 'IN_PROGRESS');
  assert.equal(store.deliveries.byOrder(order.id).length, 0);

  const right = await postForm(app, actionPath(order.path, 'apply'), { ...APPLICANT, mname: 'A-RR_L' });
  assert.equal(right.statusCode, 303);
  const location = new URL(String(right.headers.location));
  assert.equal(`${location.origin}${location.pathname}`, SUCCESS_URL);
  assert.equal(location.searchParams.get('orderId'), String(order.id));
  const authToken = location.searchParams.get('auth_token')!;
  assert.match(authToken, /^[0-9a-f]{40}$/);
  const lookup = await app.inject({ url: `${NOTIFICATIONS(DEMO.clientId)}/order-id/${order.id}`, headers: bearer(authToken) });
  assert.equal(lookup.statusCode, 200);
  assert.equal(lookup.json().apply_status, 'SUCCESS');
  assert.equal(store.deliveries.byOrder(order.id).length, 1);
});

test('bad form inputs give a page with an error, never a 500, and leave the order open', async (t) => {
  const { app, store } = await setup(t);
  const order = await hostedOrder(app, SEED.apply);
  const url = actionPath(order.path, 'apply');
  const form = (body: string, type = 'application/x-www-form-urlencoded') => app.inject({ method: 'POST', url, headers: { 'content-type': type }, payload: body });
  const table: { name: string; send: () => ReturnType<typeof form>; status: number; says?: string }[] = [
    { name: 'empty body', send: () => form(''), status: 422, says: `${en.fields.fname} ${en.errors.required}` },
    { name: 'no PIN', send: () => form('fname=A&lname=B'), status: 422, says: `${en.fields.pin} ${en.errors.required}` },
    { name: 'blank first name', send: () => form('fname=%20&lname=B&pin=2222'), status: 422, says: `${en.fields.fname} ${en.errors.required}` },
    { name: 'middle name too long', send: () => form(`fname=A&lname=B&pin=2222&mname=${'x'.repeat(101)}`), status: 422, says: `${en.fields.mname} ${en.errors.tooLong}` },
    { name: 'bad province', send: () => form('fname=A&lname=B&pin=2222&province=XX'), status: 422, says: `${en.fields.province} ${en.errors.invalid}` },
    { name: 'bad date of birth', send: () => form('fname=A&lname=B&pin=2222&dob=01/02/1990'), status: 422, says: `${en.fields.dob} ${en.errors.invalid}` },
    { name: 'a field sent twice', send: () => form('fname=A&fname=B&lname=B&pin=2222'), status: 422, says: `${en.fields.fname} ${en.errors.invalid}` },
    { name: 'nested field', send: () => form('fname[x]=A&lname=B&pin=2222'), status: 422, says: `${en.fields.fname} ${en.errors.invalid}` },
    { name: 'wrong PIN and a missing field together', send: () => form('lname=B&pin=9'), status: 422, says: en.errors.wrongPin },
    { name: 'JSON with a wrong type', send: () => form(JSON.stringify({ fname: 1, lname: 'B', pin: '2222' }), 'application/json'), status: 422, says: `${en.fields.fname} ${en.errors.invalid}` },
    { name: 'broken JSON', send: () => form('{', 'application/json'), status: 400 },
    { name: 'text/plain', send: () => form('fname=A', 'text/plain'), status: 415 },
  ];
  for (const row of table) {
    const response = await row.send();
    assert.equal(response.statusCode, row.status, `${row.name}: ${response.body.slice(0, 200)}`);
    assert.ok(isHtml(response), row.name);
    if (row.says) assert.ok(response.body.includes(row.says), `${row.name} should say "${row.says}"`);
  }
  assert.equal(store.orders.byId(order.id)!.status, 'IN_PROGRESS');
  const oversize = await form(`fname=${'x'.repeat(1024 * 1024)}`);
  assert.equal(oversize.statusCode, 413);
  assert.ok(isHtml(oversize));
});

test('shopper data is escaped: markup in init fields is text, attributes cannot be broken out of', async (t) => {
  const { app } = await setup(t);
  const order = await hostedOrder(app, { ...SEED.apply, fname: '<img src=x onerror=alert(1)>', city: '"><script>alert(2)</script>' });
  const page = await app.inject({ method: 'GET', url: order.path });
  assert.equal(page.statusCode, 200);
  assert.ok(!page.body.includes('<img src=x'), 'no live img tag');
  assert.ok(!page.body.includes('<script>alert'), 'no injected script');
  assert.ok(page.body.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(page.body.includes('value="&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"'));
});

test('a finished order\'s token shows that it is finished; a second submit changes nothing', async (t) => {
  const { app, store } = await setup(t);
  const order = await hostedOrder(app, SEED.apply);
  assert.equal((await postForm(app, actionPath(order.path, 'apply'), APPLICANT)).statusCode, 303);
  const again = await postForm(app, actionPath(order.path, 'apply'), { ...APPLICANT, mname: 'D-FRAUD' });
  assert.equal(again.statusCode, 409);
  assert.match(again.body, new RegExp(en.finished));
  const cancel = await postForm(app, actionPath(order.path, 'cancel'), {});
  assert.equal(cancel.statusCode, 409);
  const page = await app.inject({ method: 'GET', url: order.path });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /data-testid="status">SUCCESS</);
  assert.equal(store.orders.byId(order.id)!.status, 'SUCCESS');
  assert.equal(store.deliveries.byOrder(order.id).length, 1);
});

test('pending, declined and retry show an outcome page whose Continue leads back to the merchant', async (t) => {
  const { app, store } = await setup(t);
  const table = [
    { key: 'P-CREDIT', status: 'PENDING', to: SUCCESS_URL },
    { key: 'D-FRAUD', status: 'DECLINED', to: FAILURE_URL },
    { key: 'D-EMAIL_DBL_TIMEOUT', status: 'RETRY', to: FAILURE_URL },
  ];
  for (const row of table) {
    const order = await hostedOrder(app, SEED.apply);
    const submit = await postForm(app, actionPath(order.path, 'apply'), { ...APPLICANT, mname: row.key });
    assert.equal(submit.statusCode, 303, row.key);
    assert.equal(submit.headers.location, order.path, `${row.key}: back to the page (POST-redirect-GET)`);
    const outcome = await app.inject({ method: 'GET', url: order.path });
    assert.match(outcome.body, new RegExp(`data-testid="status">${row.status}<`), row.key);
    assert.match(outcome.body, new RegExp(en.outcome[row.status]!.title), row.key);
    const back = await postForm(app, actionPath(order.path, 'return'), {});
    assert.equal(back.statusCode, 303, row.key);
    assert.ok(String(back.headers.location).startsWith(`${row.to}?orderId=${order.id}&auth_token=`), `${row.key}: ${back.headers.location}`);
    assert.equal(store.deliveries.byOrder(order.id).length, 1, `${row.key}: one outbox row`);
  }
});

test('the return URL keeps the merchant\'s own query and fragment', async (t) => {
  const { app } = await setup(t);
  const merchant = (await app.inject({ url: `/__admin/merchants/${DEMO.clientId}` })).json();
  await app.inject({ method: 'PUT', url: `/__admin/merchants/${DEMO.clientId}`, payload: { ...merchant, failure_url: 'https://shop.example/cart?step=pay&x=a%20b#top' } });
  const order = await hostedOrder(app, SEED.apply);
  const cancel = await postForm(app, actionPath(order.path, 'cancel'), {});
  assert.equal(cancel.statusCode, 303);
  assert.match(String(cancel.headers.location), new RegExp(`^https://shop\\.example/cart\\?step=pay&x=a%20b&orderId=${order.id}&auth_token=[0-9a-f]{40}#top$`));
});

test('framed (Sec-Fetch-Dest: iframe, or the page\'s framed field): a bridge page posts the event to the trust_url origin', async (t) => {
  const { app } = await setup(t);
  for (const how of [{ headers: { 'sec-fetch-dest': 'iframe' }, body: {} }, { headers: {}, body: { framed: '1' } }] as { headers: Record<string, string>; body: Record<string, string> }[]) {
    const order = await hostedOrder(app, SEED.apply);
    const response = await postForm(app, actionPath(order.path, 'cancel'), how.body, how.headers);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /data-event="flx-cancel"/);
    assert.match(response.body, new RegExp(`data-order-id="${order.id}"`));
    assert.match(response.body, /data-status="CANCELLED"/);
    assert.match(response.body, /data-target-origin="http:\/\/localhost:3000"/);
    assert.match(response.body, new RegExp(`data-return-url="${FAILURE_URL}\\?orderId=${order.id}&amp;auth_token=[0-9a-f]{40}"`));
    assert.match(response.body, /target="_top"/);
  }
});

test('buy: plans for the amount are offered; bad choices and unknown cards re-render the step with an error', async (t) => {
  const { app, store } = await setup(t);
  const order = await hostedOrder(app, { ...SEED.buy, amount_requested: 1200 });
  const page = await app.inject({ method: 'GET', url: order.path });
  assert.equal(page.statusCode, 200);
  const offered = [...page.body.matchAll(/name="plan_id" value="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(offered, ['4', '6', '12', '1']);
  assert.match(page.body, /data-testid="plan-12-monthly">\$104\.17</);
  assert.match(page.body, /data-testid="plan-12-fee">\$49\.99</);
  assert.match(page.body, /data-testid="card-last4">7093</);

  const url = actionPath(order.path, 'buy');
  const table = [
    { name: 'no plan', body: {}, says: en.errors.choosePlan },
    { name: 'a plan not offered for the amount', body: { plan_id: '36' }, says: en.errors.choosePlan },
    { name: 'an unknown plan', body: { plan_id: '999' }, says: en.errors.choosePlan },
    { name: 'letters in the card', body: { plan_id: '4', card: 'abcd' }, says: `${en.fields.card} ${en.errors.invalid}` },
    { name: 'the not-found test card', body: { plan_id: '4', card: '2374980012873425' }, says: en.errors.cardNotFound },
  ];
  for (const row of table) {
    const response = await postForm(app, url, row.body as Record<string, string>);
    assert.equal(response.statusCode, 422, `${row.name}: ${response.body.slice(0, 200)}`);
    assert.ok(response.body.includes(row.says), `${row.name} should say ${row.says}`);
    // init's card stays the cardholder unless the shopper typed another one.
    assert.equal(/data-testid="card-last4">7093</.test(response.body), !('card' in row.body), row.name);
  }
  assert.equal(store.orders.byId(order.id)!.status, 'IN_PROGRESS');
  assert.equal(store.deliveries.byOrder(order.id).length, 0);

  const buy = await postForm(app, url, { plan_id: '12' });
  assert.equal(buy.statusCode, 303);
  assert.ok(String(buy.headers.location).startsWith(`${SUCCESS_URL}?orderId=${order.id}&`));
  const done = store.orders.byId(order.id)!;
  assert.equal(done.plan_id, '12');
  assert.equal(done.term, 12);
});

test('buy with init\'s not-found card: the page says so and asks for another card', async (t) => {
  const { app, store } = await setup(t);
  const order = await hostedOrder(app, { ...SEED.buy, vcc: '2374980012873425' });
  const page = await app.inject({ method: 'GET', url: order.path });
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes(en.errors.cardNotFoundInit));
  assert.match(page.body, /name="card"/);
  const again = await postForm(app, actionPath(order.path, 'buy'), { plan_id: '4' });
  assert.equal(again.statusCode, 422);
  assert.ok(again.body.includes(en.errors.cardNotFound));
  // A customer id typed instead of a card number works too.
  const typed = await postForm(app, actionPath(order.path, 'buy'), { plan_id: '4', card: '1293836' });
  assert.equal(typed.statusCode, 303);
  assert.equal(store.orders.byId(order.id)!.customer_id, '1293836');
});

test('the account-0001 timeout on the buy step is a retryable error page, not a 500', async (t) => {
  const { app, store } = await setup(t);
  const order = await hostedOrder(app, { ...SEED.buy, vcc: '2374980012897093' });
  const response = await postForm(app, actionPath(order.path, 'buy'), { plan_id: '4', card: '2374980000000001' });
  assert.equal(response.statusCode, 422);
  assert.ok(response.body.includes(en.errors.timeout));
  assert.equal(store.orders.byId(order.id)!.status, 'IN_PROGRESS');
});

test('a submit for a step the order is not at, or a form URL opened with GET, goes back to the current step (303)', async (t) => {
  const { app } = await setup(t);
  const order = await hostedOrder(app, SEED.buy);
  const response = await postForm(app, actionPath(order.path, 'apply'), APPLICANT);
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, order.path);
  const ret = await postForm(app, actionPath(order.path, 'return'), {});
  assert.equal(ret.statusCode, 303);
  assert.equal(ret.headers.location, order.path);
  // A form URL opened with GET (e.g. reloading after an error) goes back to the page too.
  const reload = await app.inject({ method: 'GET', url: actionPath(order.path, 'buy') });
  assert.equal(reload.statusCode, 303);
  assert.equal(reload.headers.location, order.path);
});

test('lang=fr renders the page in French; the init language is the default', async (t) => {
  const { app } = await setup(t);
  const order = await hostedOrder(app, { ...SEED.apply, lang: 'fr-CA' });
  assert.ok(order.path.endsWith('?lang=fr'));
  for (const url of [order.path, order.path.replace('lang=fr', 'lang=xx')]) {
    const page = await app.inject({ method: 'GET', url });
    assert.match(page.body, /<html lang="fr">/);
    for (const text of [fr.continue, fr.cancel, fr.fields.fname!, fr.apply.title]) assert.ok(page.body.includes(text), text);
    for (const text of ['>Continue<', '>Cancel<', en.fields.fname!, en.apply.title]) assert.ok(!page.body.includes(text), text);
  }
  const english = await app.inject({ method: 'GET', url: order.path.replace('lang=fr', 'lang=en') });
  assert.match(english.body, /<html lang="en">/);
});

test('learn-more: an informational page with the merchant\'s plans and a close control', async (t) => {
  const { app } = await setup(t);
  const token = (await hostedOrder(app, SEED.apply)).token;
  const response = await app.inject({ method: 'POST', url: `/flexiti/online-api/online/client-id/${DEMO.clientId}/systems/learn-more`, headers: bearer(token), payload: { amount_requested: 600, lang: 'en-CA' } });
  assert.equal(response.statusCode, 200, response.body);
  const path = String(response.json().redirection_url).slice(PUBLIC_URL.length);
  const page = await app.inject({ method: 'GET', url: path });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /data-testid="close"/);
  assert.match(page.body, /data-testid="plan-6"/);
  assert.ok(!page.body.includes('name="pin"'));
  const post = await postForm(app, actionPath(path, 'apply'), APPLICANT);
  assert.equal(post.statusCode, 200, 'a learn-more token takes no submissions');
  assert.match(post.body, /data-testid="close"/);
});

test('demo return pages show the order id and, with the auth_token, the notification', async (t) => {
  const { app } = await setup(t);
  const order = await hostedOrder(app, SEED.apply);
  const done = await postForm(app, actionPath(order.path, 'apply'), APPLICANT);
  const back = new URL(String(done.headers.location));
  const page = await app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`data-testid="order-id">${order.id}<`));
  assert.match(page.body, /&quot;apply_status&quot;: &quot;SUCCESS&quot;/);
  const noToken = await app.inject({ method: 'GET', url: `/demo/return/failure?orderId=${order.id}` });
  assert.match(noToken.body, new RegExp(en.demo.noToken));
  const badToken = await app.inject({ method: 'GET', url: `/demo/return/failure?orderId=${order.id}&auth_token=nope` });
  assert.match(badToken.body, /401 invalid_token/);
});

test('buy when no plan of the merchant covers the amount: the page says so and offers only Cancel', async (t) => {
  const { app, store } = await setup(t);
  const order = await hostedOrder(app, { ...SEED.buy, amount_requested: 100 }, MAPLE);
  const page = await app.inject({ method: 'GET', url: order.path });
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes(en.buy.noPlans));
  assert.doesNotMatch(page.body, /data-testid="continue"/);
  assert.match(page.body, /data-testid="cancel"/);
  const forced = await postForm(app, actionPath(order.path, 'buy'), { plan_id: '10' });
  assert.equal(forced.statusCode, 422);
  assert.ok(forced.body.includes(en.errors.choosePlan));
  const cancel = await postForm(app, actionPath(order.path, 'cancel'), {});
  assert.equal(cancel.statusCode, 303);
  assert.equal(store.orders.byId(order.id)!.status, 'CANCELLED');
});
