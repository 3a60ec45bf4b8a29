import math

from django.core.paginator import Paginator
from ninja import Field, Schema

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


class Paging(Schema):
    page: int = Field(1, ge=1, le=100_000)
    page_size: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)
    # The name many clients send for the page size; it was silently ignored (user-walk.md item 10).
    limit: int | None = Field(None, ge=1, le=MAX_PAGE_SIZE, description="The same as page_size.")

    @property
    def size(self) -> int:
        return self.limit or self.page_size


def paged(queryset, paging, to_item):
    """One page of `queryset`, as {count, page, pages, items}; a page past the end is empty."""
    size = paging.size
    paginator = Paginator(queryset, size)
    count = paginator.count
    pages = max(1, math.ceil(count / size))
    rows = paginator.page(paging.page).object_list if paging.page <= pages else []
    return {"count": count, "page": paging.page, "pages": pages, "items": [to_item(row) for row in rows]}
