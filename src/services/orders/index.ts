export { createOrderService, FLOW_TOKEN_TTL_MS, type CardRef, type CompleteOutcome, type OrderService } from './service.js';
export { hasApply, hasBuy, isFinal, pageLang, type Applicant, type Order, type OrderOutcome } from './model.js';
export { adminOrderView, notificationView, promoView } from './views.js';
