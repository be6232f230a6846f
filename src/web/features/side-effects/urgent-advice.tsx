import { List, Stack, Text, Title } from '@mantine/core';
import type { AdviceItem, SubmitReportResult } from '../../../shared/side-effects/schemas';
import { CrisisResources } from '../../components/crisis-resources';
import { symptomList } from './words';
import classes from './side-effects.module.css';

type Advice = SubmitReportResult['advice'];

/** The heading of the advice box: what to do first, in plain words. */
function headingOf(first: AdviceItem | undefined, urgent: boolean): string {
  switch (first?.kind) {
    case 'emergency':
      return 'Call your emergency number now';
    case 'crisis_line':
      return 'Please talk to someone now';
    case 'stop_and_call_today':
      return `Do not take your next dose of ${first.medicationName ?? 'this medication'}`;
    case 'call_prescriber_today':
      return 'Please contact your prescriber today';
    case 'call_prescriber':
      return 'Please tell your prescriber';
    case undefined:
      return urgent ? 'Please do not wait with this' : 'Thank you';
  }
}

function Item({ item }: { item: AdviceItem }) {
  return (
    <List.Item>
      <Text fw={700}>{item.text}</Text>
      <Text size="sm">
        {item.medicationName ? `${item.medicationName}: ` : ''}
        {symptomList(item.symptoms).toLowerCase()}. {item.why}
      </Text>
    </List.Item>
  );
}

/**
 * What the patient reads at once after an urgent report (medication-safety.md section 4): the advice most
 * urgent first, and the crisis resources of their own country beside it (web/components/crisis-resources:
 * the emergency number first for a physical emergency, the crisis line first for suicidal thoughts). No
 * number is written here: they all come from the clinic's crisis settings.
 */
export function UrgentAdvice({
  advice,
  patientId,
  focusRef,
}: {
  advice: Advice;
  patientId: string;
  focusRef: React.Ref<HTMLDivElement>;
}) {
  const first = advice.items[0];
  const emergencyFirst = first?.kind === 'emergency' || first?.kind === 'crisis_line';
  return (
    <div
      className={advice.alert === 'high' && !advice.urgent ? classes.watch : classes.urgent}
      role="alert"
      aria-labelledby="urgent-heading"
      data-testid="side-effect-urgent"
      ref={focusRef}
      tabIndex={-1}
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="urgent-heading" c={advice.urgent ? 'red.9' : undefined}>
          {headingOf(first, advice.urgent)}
        </Title>
        {emergencyFirst && advice.resourcesFor && (
          <div className={classes.resources}>
            <CrisisResources patientId={patientId} situation={advice.resourcesFor} />
          </div>
        )}
        {advice.items.length > 0 ? (
          <List spacing="sm" data-testid="side-effect-advice">
            {advice.items.map((item) => (
              <Item key={`${item.kind}-${item.medicationId ?? 'any'}-${item.symptoms.join()}`} item={item} />
            ))}
          </List>
        ) : (
          <Text>
            Your prescriber has been told now. If you feel very unwell, call the clinic today. If it feels
            like an emergency (trouble breathing, swelling of the face, a rash with fever or blisters,
            fainting), call your emergency number right away:
          </Text>
        )}
        {advice.items.length > 0 && <Text>Your prescriber has been told now.</Text>}
        {!emergencyFirst && advice.resourcesFor && (
          <>
            {advice.items.length > 0 && (
              <Text size="sm">
                If it gets worse or feels like an emergency, call your emergency number right away:
              </Text>
            )}
            <div className={classes.resources}>
              <CrisisResources patientId={patientId} situation={advice.resourcesFor} />
            </div>
          </>
        )}
      </Stack>
    </div>
  );
}
