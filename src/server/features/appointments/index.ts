// Public face of the appointments feature: other features, platform/ and the app import only this file.
export { appointmentRoutes } from './appointments.routes.js';
export { bookAppointments } from './appointments.service.js';
export { setAttendance } from './attendance.service.js';
export { listAttendedSessions } from './attended-sessions.js';
export { appointmentEvents } from './calendar-events.js';
export { checkAppointmentReminders } from './reminders.check.js';
export { attendedOfPatient, insertAppointment } from './appointments.repository.js';
