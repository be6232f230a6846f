// Public face of the accounts feature: other features, platform/ and the app import only this file.
export { adminRoutes } from './admin.routes.js';
export { authRoutes } from './auth.routes.js';
export { purgeSignInLeftovers } from './two-factor-sign-in.js';
export { passwordResetRoutes } from './password-reset.routes.js';
export { emailChangeRoutes } from './email-change.routes.js';
export { changeEmailForPatient, pendingEmailOf, sendMails } from './email-change.service.js';
export { createAdmin, freshInviteLink } from './create-admin.js';
export { deactivateAccount, requireStaff, resendInvite, staffToDeactivate } from './admin.service.js';
export { inviteMail, issueInvite } from './invites.js';
export {
  findClinicName,
  findUserByEmail,
  findUsers,
  insertClinic,
  insertUser,
  revokeOpenInvites,
  updateUser,
} from './accounts.repository.js';
