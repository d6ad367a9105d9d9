import Alert from '@cloudscape-design/components/alert';
import Autosuggest from '@cloudscape-design/components/autosuggest';
import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { InstanceSummary, SecurityGroupSummary } from '@ecs-console/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert, ApiErrorDetails } from '@/components/ApiErrorAlert';
import { CopyableId } from '@/components/CopyableId';
import { FormModal } from '@/components/FormModal';
import { NameDescriptionFields } from '@/components/NameDescriptionFields';
import { useFailureAfterClose, useNotifications } from '@/components/notifications';
import { TagEditor } from '@/components/TagEditor';
import { useClientToken, useOneAtATime } from '@/lib/client-token';
import type { TagDraft } from '@/lib/ecs-resource-rules';
import { refreshRegionListItems, SECURITY_GROUP_LIST } from '@/lib/region-list';
import { createSecurityGroup, type CreatedGroup } from '../api/group-actions';
import {
  adminOpenToInternet,
  createGroupRequest,
  isCreateGroupValid,
  knownVpcIds,
  validateCreateGroup,
  type CreateGroupForm,
} from '../logic/create-group';
import type { GroupType } from '../logic/group-row';
import {
  GROUP_TEMPLATES,
  hasAdministrativeRules,
  templateById,
  templatePermissions,
  templateRules,
  WHOLE_INTERNET,
  type GroupTemplateId,
} from '../logic/group-templates';

export interface CreateSecurityGroupModalProps {
  readonly regionId: string;
  /** The region's groups and instances, for the VPCs offered. */
  readonly groups: readonly SecurityGroupSummary[];
  readonly instances: readonly InstanceSummary[] | undefined;
  readonly visible: boolean;
  readonly onDismiss: () => void;
}

/**
 * Create security group: name, description, VPC, type, tags and optional starting rules from a
 * template, checked against ECS's rules before sending. CreateSecurityGroup, then
 * AuthorizeSecurityGroup with the template's rules; the report names each step with its RequestId,
 * and a refused second step leaves the group, linked, and says so.
 */
export function CreateSecurityGroupModal(props: CreateSecurityGroupModalProps) {
  // Mounted only while open, so every opening starts from the defaults.
  return props.visible ? <CreateSecurityGroupDialog {...props} /> : null;
}

const GROUP_TYPES: readonly GroupType[] = ['basic', 'advanced'];

function CreateSecurityGroupDialog({ regionId, groups, instances, onDismiss }: CreateSecurityGroupModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const tokenFor = useClientToken();
  const oneAtATime = useOneAtATime();
  const vpcIds = knownVpcIds(instances ?? [], groups);

  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [vpcId, setVpcId] = useState(vpcIds[0] ?? '');
  const [type, setType] = useState<GroupType>('basic');
  const [tags, setTags] = useState<TagDraft[]>([]);
  const [template, setTemplate] = useState<GroupTemplateId>('empty');
  const [adminSource, setAdminSource] = useState(WHOLE_INTERNET);
  const [submitted, setSubmitted] = useState(false);

  const form: CreateGroupForm = { name, description, vpcId, type, tags, template, adminSource };
  const errors = validateCreateGroup(form);
  // Choices conflict as soon as they are made; missing input is pointed out on submit.
  const shown = submitted
    ? errors
    : {
        ...errors,
        name: errors.name === 'required' ? null : errors.name,
        vpcId: errors.vpcId === 'required' ? null : errors.vpcId,
      };
  const chosenTemplate = templateById(template);
  const rules = templateRules(chosenTemplate);

  const failedAfterClose = useFailureAfterClose(t('securityGroups.create.failed'));
  const mutation = useMutation({
    mutationFn: (request: Parameters<typeof createSecurityGroup>) => createSecurityGroup(...request),
    onError: failedAfterClose,
    // On the mutation, not on this dialog: the report and the refresh go on once it has closed.
    onSuccess: (created) => {
      onDismiss();
      notify(createdReport(created));
      void refreshRegionListItems(queryClient, SECURITY_GROUP_LIST, regionId, [created.groupId]);
    },
  });

  const createdReport = (created: CreatedGroup) => {
    const details = (
      <SpaceBetween size="xxs">
        <Box variant="small" color="inherit">
          {t('securityGroups.create.result.group')}:{' '}
          <CopyableId id={created.groupId} href={SECURITY_GROUP_LIST.pagePath(regionId, created.groupId)} />
        </Box>
        {created.steps.map((step) => (
          <Box key={step.action} variant="small" color="inherit">
            {step.action} {t('errors.requestId')}: <CopyableId id={step.requestId} />
          </Box>
        ))}
      </SpaceBetween>
    );
    if (created.rules === 'failed') {
      return {
        type: 'error' as const,
        header: t('securityGroups.create.result.rulesFailed', { group: created.groupId }),
        content: (
          <SpaceBetween size="xxs">
            <Box variant="p" color="inherit">
              {t('securityGroups.create.result.rulesFailedHint')}
            </Box>
            <ApiErrorDetails error={created.error} />
            {details}
          </SpaceBetween>
        ),
      };
    }
    return {
      // Information, not success: it stays until dismissed, with the new group's ID to copy.
      type: 'info' as const,
      header:
        created.rules === 'added'
          ? t('securityGroups.create.result.createdWithRules', { group: created.groupId, count: rules.length })
          : t('securityGroups.create.result.created', { group: created.groupId }),
      content: details,
    };
  };

  const submit = () => {
    setSubmitted(true);
    if (!isCreateGroupValid(errors)) return;
    const request = createGroupRequest(form, regionId);
    const permissions = templatePermissions(chosenTemplate, adminSource, true);
    if (!oneAtATime.start()) return;
    // The same values sent again (a retry after a failure) reuse the token, so ECS makes one group.
    const ClientToken = tokenFor({ request, permissions });
    mutation.mutate([{ ...request, ClientToken }, permissions], { onError: oneAtATime.settled });
  };

  return (
    <FormModal
      header={t('securityGroups.create.title')}
      submitText={t('securityGroups.create.submit')}
      submitting={mutation.isPending}
      onSubmit={submit}
      onDismiss={onDismiss}
    >
      <NameDescriptionFields
        name={name}
        description={description}
        onNameChange={setName}
        onDescriptionChange={setDescription}
        errors={shown}
        autoFocus
      />
      <FormField
        label={t('securityGroups.create.vpc.label')}
        description={t('securityGroups.create.vpc.description')}
        errorText={shown.vpcId ? t(`securityGroups.create.vpc.errors.${shown.vpcId}`) : undefined}
      >
        <Autosuggest
          value={vpcId}
          options={vpcIds.map((value) => ({ value }))}
          enteredTextLabel={(value) => t('securityGroups.create.vpc.use', { value })}
          placeholder="vpc-…"
          ariaLabel={t('securityGroups.create.vpc.label')}
          empty={t('securityGroups.create.vpc.none')}
          onChange={({ detail }) => setVpcId(detail.value)}
        />
      </FormField>
      <FormField label={t('securityGroups.create.type.label')}>
        <RadioGroup
          value={type}
          items={GROUP_TYPES.map((value) => ({
            value,
            label: t(`securityGroups.list.type.${value}`),
            description: t(`securityGroups.create.type.${value}`),
          }))}
          onChange={({ detail }) => setType(detail.value as GroupType)}
        />
      </FormField>
      <FormField
        label={t('securityGroups.create.template.label')}
        description={t('securityGroups.create.template.description')}
      >
        <RadioGroup
          value={template}
          items={GROUP_TEMPLATES.map(({ id }) => ({ value: id, label: t(`securityGroups.create.template.${id}`) }))}
          onChange={({ detail }) => setTemplate(detail.value as GroupTemplateId)}
        />
      </FormField>
      {rules.length > 0 && (
        <Box>
          <Box variant="h4">{t('securityGroups.create.template.adds', { count: rules.length })}</Box>
          <ul aria-label={t('securityGroups.create.template.adds', { count: rules.length })}>
            {rules.map(({ preset, administrative }) => (
              <li key={preset.id}>
                {t(
                  preset.ports ? 'securityGroups.create.template.rule' : 'securityGroups.create.template.ruleNoPorts',
                  {
                    service: preset.service,
                    protocol: preset.protocol.toUpperCase(),
                    ports: preset.ports,
                    source: administrative ? adminSource.trim() || '…' : WHOLE_INTERNET,
                  },
                )}
              </li>
            ))}
          </ul>
        </Box>
      )}
      {hasAdministrativeRules(chosenTemplate) && (
        <FormField
          label={t('securityGroups.create.adminSource.label')}
          description={t('securityGroups.create.adminSource.description')}
          errorText={shown.adminSource ? t(`securityGroups.create.adminSource.errors.${shown.adminSource}`) : undefined}
        >
          <Input value={adminSource} onChange={({ detail }) => setAdminSource(detail.value)} />
        </FormField>
      )}
      {adminOpenToInternet(form) && (
        <Alert type="warning">{t('securityGroups.create.adminSource.worldOpen', { source: adminSource.trim() })}</Alert>
      )}
      <TagEditor tags={tags} onChange={setTags} errors={shown.tags} />
      {mutation.isError && <ApiErrorAlert error={mutation.error} header={t('securityGroups.create.failed')} />}
    </FormModal>
  );
}
