import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startMockServer } from '../../src/index.js';
import { launchBrowser } from '../helpers/browser.js';

test('Debian Chromium starts and loads a page from the running mock', async (t) => {
  const mock = await startMockServer();
  t.after(() => mock.close());
  const browser = await launchBrowser(t);
  const page = await browser.newPage();
  const response = await page.goto(`${mock.adminUrl}/health`);
  assert.equal(response?.status(), 200);
  assert.match(await page.content(), /"status":"ok"/);
});
