#include "admin/import_pipeline.h"

namespace shopkit::internal {

ImportPipeline::~ImportPipeline() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

std::optional<ImportBatch> ImportPipeline::next() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return !queued_.empty() || finished_; });
  if (queued_.empty()) {
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
    return std::nullopt;
  }
  ImportBatch batch = std::move(queued_.front());
  queued_.pop_front();
  lock.unlock();
  changed_.notify_all();
  return batch;
}

bool ImportPipeline::push(ImportBatch batch) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock,
                [this] { return queued_.size() < kMaxQueued || stopping_; });
  if (stopping_) return false;
  queued_.push_back(std::move(batch));
  lock.unlock();
  changed_.notify_all();
  return true;
}

void ImportPipeline::recycle(ImportBatch batch) {
  {
    std::lock_guard lock(mutex_);
    recycled_.push_back(std::move(batch));
  }
  changed_.notify_all();
}

void ImportPipeline::free_recycled(bool until_stopped) {
  while (true) {
    std::vector<ImportBatch> spent;
    {
      std::unique_lock lock(mutex_);
      if (until_stopped) {
        changed_.wait(lock, [this] { return !recycled_.empty() || stopping_; });
      }
      spent.swap(recycled_);
      if (spent.empty() && (!until_stopped || stopping_)) return;
    }
    // `spent` is freed here, outside the lock.
  }
}

void ImportPipeline::finish(std::exception_ptr error) {
  {
    std::lock_guard lock(mutex_);
    finished_ = true;
    error_ = std::move(error);
  }
  changed_.notify_all();
}

}  // namespace shopkit::internal
