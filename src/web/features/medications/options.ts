// Choices offered in the prescriber's forms (free text is still accepted by the API).
export const DOSE_UNITS = ['mg', 'mcg', 'g', 'mL', 'tablet', 'capsule', 'drop', 'puff', 'patch', 'unit'];
export const FORMS = [
  'tablet',
  'capsule',
  'oral solution',
  'orally disintegrating tablet',
  'injection',
  'patch',
  'other',
];
export const ROUTES = [
  'oral',
  'sublingual',
  'intramuscular',
  'subcutaneous',
  'transdermal',
  'inhaled',
  'other',
];
