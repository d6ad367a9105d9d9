import FormField from '@cloudscape-design/components/form-field';
import Select from '@cloudscape-design/components/select';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@ecs-console/contract';

interface RoleSelectProps {
  readonly value: Role;
  readonly onChange: (role: Role) => void;
}

/** The role field of the user forms, with what each role may do. */
export function RoleSelect({ value, onChange }: RoleSelectProps) {
  const { t } = useTranslation();
  const options = ROLES.map((role) => ({
    value: role,
    label: t(`roles.${role}`),
    description: t(`users.roleDescriptions.${role}`),
  }));
  return (
    <FormField label={t('users.fields.role')}>
      <Select
        selectedOption={options.find((option) => option.value === value) ?? null}
        options={options}
        onChange={({ detail }) => {
          const role = ROLES.find((candidate) => candidate === detail.selectedOption.value);
          if (role) onChange(role);
        }}
      />
    </FormField>
  );
}
