import type { SecurityGroupSummary } from '@ecs-console/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportBatch, type BatchTexts } from '@/components/action-results';
import { FormModal } from '@/components/FormModal';
import { NameDescriptionFields } from '@/components/NameDescriptionFields';
import { useOneAtATime } from '@/lib/client-token';
import { refreshRegionListItems, SECURITY_GROUP_LIST } from '@/lib/region-list';
import { editSecurityGroup } from '../api/group-actions';
import { groupEditChanges, validateGroupEdit, type EditGroupForm } from '../logic/create-group';
import { groupLabel } from '../logic/rule-requests';

export interface EditSecurityGroupModalProps {
  readonly regionId: string;
  readonly group: SecurityGroupSummary;
  readonly visible: boolean;
  readonly onDismiss: () => void;
}

/** A group's name and description (ModifySecurityGroupAttribute); only what changed is sent. */
export function EditSecurityGroupModal({ visible, ...props }: EditSecurityGroupModalProps) {
  return visible ? <EditSecurityGroupDialog {...props} /> : null;
}

function EditSecurityGroupDialog({ regionId, group, onDismiss }: Omit<EditSecurityGroupModalProps, 'visible'>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const reporter = useReportBatch();
  const oneAtATime = useOneAtATime();
  const [form, setForm] = useState<EditGroupForm>({ name: group.SecurityGroupName, description: group.Description });
  const [submitted, setSubmitted] = useState(false);
  const errors = validateGroupEdit(group, form);
  const changes = groupEditChanges(group, form);
  // A removed name or description is said at once; the rest once the user tries to save.
  const shown = <E extends string>(error: E | null) => (submitted || error === 'cannotClear' ? error : null);
  const nameError = shown(errors.name);
  const descriptionError = shown(errors.description);
  const label = groupLabel(group);

  const texts: BatchTexts = {
    running: t('securityGroups.edit.running', { group: label }),
    succeededCount: (count) => t('securityGroups.edit.succeededCount', { count }),
    succeededOne: (name) => t('securityGroups.edit.succeeded', { group: name }),
    failedOne: (name) => t('securityGroups.edit.failed', { group: name }),
  };
  const mutation = useMutation({
    mutationFn: () =>
      editSecurityGroup({ RegionId: regionId, SecurityGroupId: group.SecurityGroupId, ...changes }, label),
    // On the mutation, not the dialog: the result is reported and the group refreshed once it has closed.
    onSuccess: (result) => reporter.report(texts, [result]),
    onSettled: () => refreshRegionListItems(queryClient, SECURITY_GROUP_LIST, regionId, [group.SecurityGroupId]),
  });

  return (
    <FormModal
      header={t('securityGroups.edit.title', { group: label })}
      submitText={t('securityGroups.edit.submit')}
      submitDisabled={Object.keys(changes).length === 0}
      onSubmit={() => {
        setSubmitted(true);
        if (errors.name || errors.description || !oneAtATime.start()) return;
        mutation.mutate();
        onDismiss();
      }}
      onDismiss={onDismiss}
    >
      <NameDescriptionFields
        name={form.name}
        description={form.description}
        onNameChange={(name) => setForm({ ...form, name })}
        onDescriptionChange={(description) => setForm({ ...form, description })}
        errors={{ name: nameError, description: descriptionError }}
      />
    </FormModal>
  );
}
