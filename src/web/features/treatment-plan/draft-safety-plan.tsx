import { Textarea } from '@mantine/core';
import type { Dispatch, SetStateAction } from 'react';
import { contactsOf, linesOf, type Content, type SafetyTexts, type SetContent } from './draft-helpers';
import { Section } from './draft-section';
import { SAFETY_SECTION_LABELS } from './plan-words';

export function SafetyPlanSection({
  content,
  set,
  editable,
  linesState,
  setLinesState,
}: {
  content: Content;
  set: SetContent;
  editable: boolean;
  linesState: SafetyTexts;
  setLinesState: Dispatch<SetStateAction<SafetyTexts>>;
}) {
  const safetyList = (
    key: Exclude<keyof Content['safetyPlan'], 'peopleICanAskForHelp' | 'professionalsAndCrisisLines'>,
  ) => (
    <Textarea
      key={key}
      label={SAFETY_SECTION_LABELS[key]}
      description="One per line"
      autosize
      minRows={2}
      readOnly={!editable}
      value={linesState[key]}
      onChange={(e) => {
        const text = e.currentTarget.value;
        setLinesState((s) => ({ ...s, [key]: text }));
        set('safetyPlan', { ...content.safetyPlan, [key]: linesOf(text) });
      }}
    />
  );
  const safetyContacts = (key: 'peopleICanAskForHelp' | 'professionalsAndCrisisLines') => (
    <Textarea
      key={key}
      label={SAFETY_SECTION_LABELS[key]}
      description="One per line: name, phone number"
      autosize
      minRows={2}
      readOnly={!editable}
      value={linesState[key]}
      onChange={(e) => {
        const text = e.currentTarget.value;
        setLinesState((s) => ({ ...s, [key]: text }));
        set('safetyPlan', { ...content.safetyPlan, [key]: contactsOf(text) });
      }}
    />
  );

  return (
    <Section title="Safety plan" editable>
      {safetyList('warningSigns')}
      {safetyList('thingsICanDoOnMyOwn')}
      {safetyList('peopleAndPlacesThatHelp')}
      {safetyContacts('peopleICanAskForHelp')}
      {safetyContacts('professionalsAndCrisisLines')}
      {safetyList('makingMySurroundingsSafer')}
    </Section>
  );
}
