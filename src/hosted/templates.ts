/**
 * The hosted pages' eta templates (auto-escaping on: `<%= %>` escapes & < > " '; the only raw
 * output, `<%~ it.body %>`, is the layout inserting an already-rendered page). Kept as strings in
 * a module so `tsc` ships them in dist/ with no copy step. Every text comes from `it.t` (strings.ts).
 * Scripts carry the per-response CSP nonce; the pages work without them.
 */

const layout = `<!doctype html>
<html lang="<%= it.t.htmlLang %>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><%= it.title %> · <%= it.t.brand %></title>
<style nonce="<%= it.nonce %>">
body{font-family:system-ui,sans-serif;background:#f4f5f7;color:#1c1e21;margin:0;padding:1rem}
main{max-width:40rem;margin:0 auto;background:#fff;border-radius:8px;padding:1.5rem;box-shadow:0 1px 3px rgba(0,0,0,.15)}
header{display:flex;justify-content:space-between;align-items:center;margin-bottom:1rem}
.brand{color:#00857c;font-size:1.4rem;font-weight:700}
label{display:block;margin:.6rem 0 .2rem;font-weight:600}
input[type=text],input[type=email],input[type=tel],input[type=date],input[type=password],select{width:100%;padding:.45rem;box-sizing:border-box;border:1px solid #aaa;border-radius:4px}
.hint{color:#555;font-size:.85rem;margin:.2rem 0}
.errors{background:#fdecea;border:1px solid #e0453a;border-radius:4px;padding:.5rem 1rem;margin:1rem 0}
fieldset{border:1px solid #ddd;border-radius:4px;margin:1rem 0}
.plan{display:flex;gap:.5rem;align-items:baseline;font-weight:400;padding:.4rem 0;border-bottom:1px solid #eee}
.actions{display:flex;gap:.75rem;margin-top:1.25rem}
button,.button{font-size:1rem;padding:.6rem 1.2rem;border-radius:4px;border:1px solid #00857c;background:#fff;color:#00857c;cursor:pointer;text-decoration:none}
button.primary,.button.primary{background:#00857c;color:#fff}
.status{font-family:monospace}
footer{margin-top:1.5rem;color:#777;font-size:.75rem}
pre{background:#f4f5f7;padding:.75rem;overflow:auto}
dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem 1rem}
dd{margin:0}
</style>
</head>
<body>
<main data-testid="page-<%= it.page %>">
<header><span class="brand"><%= it.t.brand %></span><% if (it.merchantName) { %><span data-testid="merchant-name"><%= it.merchantName %></span><% } %></header>
<%~ it.body %>
<footer><%= it.t.mockNote %></footer>
</main>
<script nonce="<%= it.nonce %>">
// The server cannot always tell it is framed (Sec-Fetch-Dest is only sent to trustworthy origins), so forms say so.
document.querySelectorAll('input[name="framed"]').forEach(function (input) { input.value = window.top !== window ? '1' : ''; });
</script>
</body>
</html>
`;

const errors = `<% if (it.errors && it.errors.length) { %>
<div class="errors" role="alert" data-testid="errors">
<p><%= it.t.errors.heading %></p>
<ul><% for (const message of it.errors) { %><li><%= message %></li><% } %></ul>
</div>
<% } %>`;

const cancelButton = `<button type="submit" formaction="<%= it.actions.cancel %>" formnovalidate data-testid="cancel"><%= it.t.cancel %></button>`;

const apply = `<% layout('@layout') %>
<h1><%= it.t.apply.title %></h1>
<% if (it.greetName) { %><p data-testid="greeting"><%= it.t.greeting %> <%= it.greetName %></p><% } %>
<p><%= it.t.apply.intro %></p>
<% if (it.amount) { %><p data-testid="amount"><%= it.t.amount %>: <%= it.amount %></p><% } %>
<%~ include('@errors', it) %>
<form method="post" action="<%= it.actions.submit %>" data-testid="apply-form">
<input type="hidden" name="framed" value="">
<% for (const field of it.fields) { %>
<label for="f-<%= field.name %>"><%= it.t.fields[field.name] %></label>
<% if (field.options) { %>
<select id="f-<%= field.name %>" name="<%= field.name %>" data-testid="<%= field.name %>">
<option value=""></option>
<% for (const option of field.options) { %><option value="<%= option %>"<%= option === field.value ? ' selected' : '' %>><%= option %></option><% } %>
</select>
<% } else { %>
<input id="f-<%= field.name %>" name="<%= field.name %>" type="<%= field.type %>" value="<%= field.value %>" data-testid="<%= field.name %>" autocomplete="<%= field.autocomplete %>"<%= field.required ? ' required' : '' %>>
<% } %>
<% if (field.hint) { %><p class="hint"><%= field.hint %></p><% } %>
<% } %>
<div class="actions">
<button type="submit" class="primary" data-testid="continue"><%= it.t.continue %></button>
${cancelButton}
</div>
</form>
`;

const buy = `<% layout('@layout') %>
<h1><%= it.t.buy.title %></h1>
<p><%= it.t.buy.intro %></p>
<p data-testid="amount"><%= it.t.amount %>: <%= it.amount %></p>
<% if (it.newAccount) { %><p data-testid="new-account"><%= it.t.buy.newAccount %></p><% } %>
<% if (it.cardholder) { %>
<dl data-testid="cardholder">
<dt><%= it.t.buy.cardholder %></dt><dd data-testid="cardholder-name"><%= it.cardholder.name %></dd>
<dt><%= it.t.buy.cardEnding %></dt><dd data-testid="card-last4"><%= it.cardholder.last4 %></dd>
<dt><%= it.t.buy.customerId %></dt><dd data-testid="customer-id"><%= it.cardholder.customerId %></dd>
<dt><%= it.t.buy.availableCredit %></dt><dd data-testid="available-credit"><%= it.cardholder.available %></dd>
</dl>
<% } %>
<%~ include('@errors', it) %>
<form method="post" action="<%= it.actions.submit %>" data-testid="buy-form">
<input type="hidden" name="framed" value="">
<% if (it.askCard) { %>
<label for="f-card"><%= it.t.fields.card %></label>
<input id="f-card" name="card" type="text" inputmode="numeric" value="<%= it.cardValue %>" data-testid="card" autocomplete="off" required>
<p class="hint"><%= it.t.buy.typeCard %></p>
<% } %>
<% if (it.plans.length) { %>
<fieldset data-testid="plans">
<legend><%= it.t.buy.plans %></legend>
<% for (const plan of it.plans) { %>
<label class="plan"><input type="radio" name="plan_id" value="<%= plan.plan_id %>" data-testid="plan-<%= plan.plan_id %>"<%= plan.checked ? ' checked' : '' %>>
<span><span class="plan-name"><%= plan.name %></span><br>
<span data-testid="plan-<%= plan.plan_id %>-term"><%= plan.term %></span> ·
<span data-testid="plan-<%= plan.plan_id %>-monthly"><%= plan.monthly %></span> <%= it.t.buy.perMonth %> ·
<%= it.t.buy.fee %> <span data-testid="plan-<%= plan.plan_id %>-fee"><%= plan.fee %></span> ·
<%= it.t.buy.apr %> <%= plan.apr %> · <%= it.t.buy.total %> <%= plan.total %></span></label>
<% } %>
</fieldset>
<% } else { %>
<p data-testid="no-plans"><%= it.t.buy.noPlans %></p>
<% } %>
<div class="actions">
<% if (it.plans.length) { %><button type="submit" class="primary" data-testid="continue"><%= it.t.continue %></button><% } %>
${cancelButton}
</div>
</form>
`;

const outcome = `<% layout('@layout') %>
<h1 data-testid="outcome-title"><%= it.outcome.title %></h1>
<p><%= it.outcome.text %></p>
<p class="status" data-testid="status"><%= it.status %></p>
<% if (it.again) { %><p data-testid="finished"><%= it.t.finished %></p><% } %>
<form method="post" action="<%= it.actions.return %>">
<input type="hidden" name="framed" value="">
<div class="actions"><button type="submit" class="primary" data-testid="continue"><%= it.t.continue %></button></div>
</form>
`;

const message = `<% layout('@layout') %>
<h1 data-testid="message-title"><%= it.heading %></h1>
<p><%= it.text %></p>
`;

const bridge = `<% layout('@layout') %>
<h1><%= it.t.bridge.title %></h1>
<div id="flx-bridge" hidden data-event="<%= it.event %>" data-order-id="<%= it.orderId %>" data-status="<%= it.status %>" data-target-origin="<%= it.targetOrigin %>" data-return-url="<%= it.returnUrl %>"></div>
<p><a class="button primary" href="<%= it.returnUrl %>" target="_top" data-testid="continue"><%= it.t.bridge.link %></a></p>
<script nonce="<%= it.nonce %>">
(function () {
  var d = document.getElementById('flx-bridge').dataset;
  // Contract C5: tell the merchant page, then navigate the top window (the SDK's sandbox has allow-top-navigation, api-notes §4).
  if (window.parent !== window) {
    window.parent.postMessage({ eventType: d.event, eventData: { orderId: Number(d.orderId), status: d.status } }, d.targetOrigin);
  }
  // A short pause lets the parent's message listener run before the page it lives in goes away.
  setTimeout(function () { try { window.top.location.href = d.returnUrl; } catch (e) { /* the link above still works */ } }, 50);
})();
</script>
`;

const learnMore = `<% layout('@layout') %>
<h1><%= it.t.learnMore.title %></h1>
<p><%= it.t.learnMore.intro %></p>
<% if (it.amount) { %><p data-testid="amount"><%= it.t.learnMore.plansFor %> <%= it.amount %></p><% } else { %><p><%= it.t.learnMore.plans %></p><% } %>
<% if (it.plans.length) { %>
<ul data-testid="plans"><% for (const plan of it.plans) { %>
<li data-testid="plan-<%= plan.plan_id %>"><%= plan.name %> · <%= plan.term %><% if (plan.monthly) { %> · <%= plan.monthly %> <%= it.t.buy.perMonth %><% } %> · <%= it.t.buy.apr %> <%= plan.apr %></li>
<% } %></ul>
<% } else { %><p data-testid="no-plans"><%= it.t.learnMore.noPlans %></p><% } %>
<div class="actions">
<% if (it.closeUrl) { %><a class="button primary" id="flx-close" href="<%= it.closeUrl %>" target="_top" data-testid="close"><%= it.t.close %></a>
<% } else { %><button type="button" class="primary" id="flx-close" data-testid="close"><%= it.t.close %></button><% } %>
</div>
<div id="flx-learn-more" hidden data-target-origin="<%= it.targetOrigin %>"></div>
<script nonce="<%= it.nonce %>">
(function () {
  var close = document.getElementById('flx-close');
  var targetOrigin = document.getElementById('flx-learn-more').dataset.targetOrigin;
  close.addEventListener('click', function (event) {
    // Framed: the merchant closes its modal on flx-cancel (api-notes §4). Unframed without a trust URL: go back.
    if (window.parent !== window) window.parent.postMessage({ eventType: 'flx-cancel', eventData: { orderId: null, status: 'CLOSED' } }, targetOrigin);
    else if (close.tagName === 'BUTTON') history.back();
  });
})();
</script>
`;

const demoReturn = `<% layout('@layout') %>
<h1><%= it.t.demo.title %></h1>
<p data-testid="demo-result"><%= it.resultText %></p>
<dl><dt><%= it.t.demo.orderId %></dt><dd data-testid="order-id"><%= it.orderId %></dd></dl>
<% if (it.notification) { %>
<p><%= it.t.demo.notification %></p>
<pre data-testid="notification"><%= it.notification %></pre>
<% } else { %>
<p data-testid="notification-error"><%= it.problem %></p>
<% } %>
`;

export const TEMPLATES: Readonly<Record<string, string>> = { layout, errors, apply, buy, outcome, message, bridge, learnMore, demoReturn };
