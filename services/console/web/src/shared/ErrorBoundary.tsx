import { Alert, Button } from 'antd';
import { Component, type ReactNode } from 'react';

/** A screen that throws shows what happened and a way back, never a blank page. */
export class ErrorBoundary extends Component<{ title: string; retry: string; children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={this.props.title}
        description={this.state.error.message}
        action={<Button onClick={() => this.setState({ error: null })}>{this.props.retry}</Button>}
      />
    );
  }
}
