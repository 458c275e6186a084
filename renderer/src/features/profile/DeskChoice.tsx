// The first question of the first run: who is this office? Since July 2025 a commune's
// Phòng Văn hóa - Xã hội, the province's department, a press agency, or (for the periods
// before) a district office. The answer is the profile's office kind; it fills the usual
// office fields and sets the desks (officeKind.ts).
import { Card, Form, Radio, Space, Typography } from 'antd';
import { OFFICE_KINDS, OFFICE_KIND_INFO, type OfficeKind } from '../../../../shared/offices';

export function DeskChoice({ onChoose }: { onChoose: (kind: OfficeKind) => void }) {
  return (
    <Card size="small" title="Cơ quan tôi là" style={{ marginBottom: 16 }}>
      <Form.Item
        name={['office', 'kind']}
        rules={[{ required: true, message: 'Hãy chọn cơ quan của bạn.' }]}
        style={{ marginBottom: 0 }}
      >
        <Radio.Group
          onChange={(e) => onChoose(e.target.value as OfficeKind)}
          data-testid="first-run-role"
        >
          <Space orientation="vertical" size={4}>
            {OFFICE_KINDS.map((kind) => (
              <Radio key={kind} value={kind} data-testid={`first-run-role-${kind}`}>
                {OFFICE_KIND_INFO[kind].label}{' '}
                <Typography.Text type="secondary">— {OFFICE_KIND_INFO[kind].hint}</Typography.Text>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        Sở vừa ghi sổ hoạt động của mình vừa tiếp nhận báo cáo; các cơ quan khác chỉ ghi sổ và báo
        cáo. Có thể đổi vai trò của máy này sau ở mục “Cài đặt”.
      </Typography.Paragraph>
    </Card>
  );
}
