import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';

/** The "add" button above a customer-file table. */
export function TabToolbar({ label, onAdd, testId }: { label: string; onAdd: () => void; testId: string }) {
  return (
    <Flex justify="end" style={{ marginBottom: 8 }}>
      <Button icon={<PlusOutlined />} onClick={onAdd} data-testid={testId}>
        {label}
      </Button>
    </Flex>
  );
}
