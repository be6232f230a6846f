// Web Push handlers of Duet's service worker (issue 17, "Push notifications"): helper 7's part. The worker
// (service-worker.ts) imports this module so the push and notificationclick listeners registered here run in
// the same worker as the offline cache. Kept empty until the push handlers land.
export {};
