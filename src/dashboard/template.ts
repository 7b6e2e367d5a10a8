/**
 * The admin dashboard (issue 7), an Eta template with autoEscape on: every `<%= %>` is
 * HTML-escaped, so merchant-supplied text (order ids, names, callback URLs) cannot inject markup.
 * Kept in a .ts file so `tsc` ships it in dist/ with no copy step.
 */
export const DASHBOARD_TEMPLATE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>flexiti-mock dashboard</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1d2330; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #dde1e8; vertical-align: top; }
th { background: #f3f5f8; }
.muted { color: #667085; } .pill { padding: 0 .4rem; border-radius: .6rem; background: #eef1f6; }
ol, ul { margin: 0; padding-left: 1.1rem; }
code { font-size: 12px; overflow-wrap: anywhere; }
</style>
</head>
<body>
<h1>flexiti-mock</h1>
<p class="muted">Mock time <span data-testid="now"><%= it.now %></span><% if (it.clientId) { %> · merchant <strong><%= it.clientId %></strong><% } %> · reload to refresh.</p>

<h2>Recent orders (<%= it.orders.length %>)</h2>
<% if (it.orders.length === 0) { %><p class="muted" data-testid="no-orders">No orders yet.</p><% } else { %>
<table data-testid="orders">
<thead><tr><th>order</th><th>merchant</th><th>flow</th><th>amount</th><th>status</th><th>merchant order id</th><th>timeline</th></tr></thead>
<tbody>
<% it.orders.forEach(function (order) { %>
<tr data-testid="order-<%= order.id %>">
<td><%= order.id %> <span class="muted"><%= order.api_version %> <%= order.kind %></span></td>
<td><%= order.client_id %></td>
<td><%= order.flow %></td>
<td><%= order.amount %></td>
<td><span class="pill" data-testid="order-status"><%= order.status %></span><% if (order.apply_status) { %> apply <%= order.apply_status %><% } %><% if (order.purchase_status) { %> purchase <%= order.purchase_status %><% } %></td>
<td><%= order.merchant_order_id || '' %></td>
<td><ol><% order.timeline.forEach(function (event) { %><li><span class="muted"><%= event.at %></span> <%= event.type %><% if (event.data) { %> <code><%= event.data %></code><% } %></li><% }) %></ol></td>
</tr>
<% }) %>
</tbody>
</table>
<% } %>

<h2>Callback deliveries (<%= it.deliveries.length %>)</h2>
<% if (it.deliveries.length === 0) { %><p class="muted" data-testid="no-deliveries">No callbacks yet.</p><% } else { %>
<table data-testid="deliveries">
<thead><tr><th>delivery</th><th>merchant</th><th>order</th><th>event</th><th>url</th><th>state</th><th>attempts</th></tr></thead>
<tbody>
<% it.deliveries.forEach(function (delivery) { %>
<tr data-testid="delivery-<%= delivery.id %>">
<td><code><%= delivery.id %></code><br><span class="muted"><%= delivery.created_at %></span></td>
<td><%= delivery.client_id %></td>
<td data-testid="delivery-order"><%= delivery.order_id === null ? '' : delivery.order_id %></td>
<td><%= delivery.event %> <%= delivery.notification_type %></td>
<td><%= delivery.url || '(no callback_url)' %></td>
<td><span class="pill" data-testid="delivery-state"><%= delivery.state %></span><% if (delivery.state === 'pending' && delivery.next_attempt_at) { %><br><span class="muted">next <%= delivery.next_attempt_at %></span><% } %></td>
<td><% if (delivery.attempts.length === 0) { %><span class="muted">none</span><% } else { %><ol><% delivery.attempts.forEach(function (attempt) { %><li><span class="muted"><%= attempt.at %></span> <%= attempt.status === null ? 'no response' : attempt.status %> · <%= attempt.latency_ms %> ms<% if (attempt.error) { %> · <%= attempt.error %><% } %></li><% }) %></ol><% } %></td>
</tr>
<% }) %>
</tbody>
</table>
<% } %>

<h2>Recent requests (<%= it.requests.length %>)</h2>
<% if (it.requests.length === 0) { %><p class="muted" data-testid="no-requests">No requests yet.</p><% } else { %>
<table data-testid="requests">
<thead><tr><th>time</th><th>merchant</th><th>request</th><th>status</th><th>ms</th><th>fault</th></tr></thead>
<tbody>
<% it.requests.forEach(function (request) { %>
<tr data-testid="request-<%= request.id %>">
<td class="muted"><%= request.time %></td>
<td><%= request.client_id || '' %></td>
<td><code><%= request.method %> <%= request.path %></code><% if (request.operation) { %> <span class="pill"><%= request.operation %></span><% } %></td>
<td><%= request.status === null ? 'reset' : request.status %></td>
<td><%= request.duration_ms %></td>
<td><%= request.fault || '' %></td>
</tr>
<% }) %>
</tbody>
</table>
<% } %>
</body>
</html>
`;
