"""A header field that prints its options to choose from (项目属性 □新增 ■延续; 项目类型 1、常年性项目 2、一次性项目),
as the form printed it, and which of its options the sheet chose."""

from __future__ import annotations

from pydantic import BaseModel, Field


class HeaderChoice(BaseModel):
    """One option list of the sheet's header: its field's label, its options and the ones ticked."""

    label: str | None = Field(default=None, description="The field's label as printed (项目属性); None for a row of "
                                                        "options printed without one")
    text: str = Field(description="The field's value as printed, options and boxes (1、持续性项目 □ 2、新增性项目 □)")
    options: list[str] = Field(default_factory=list, description="The options the form offers, in order")
    chosen: list[str] = Field(default_factory=list, description="The options ticked (■ ☑, or a tick beside a box: "
                                                               "□ √); empty when none is")
    legible: bool = Field(default=True, description="False where the copy lost some of the boxes' glyphs (a PDF's "
                                                    "Wingdings): which option was chosen cannot be told")
    single: bool = Field(default=True, description="Whether one option only is to be chosen (a project is either "
                                                  "新增 or 延续)")

    @property
    def unanswered(self) -> bool:
        """True when the list is legible and no option is chosen, or several of a list that takes one."""
        return self.legible and (not self.chosen or (self.single and len(self.chosen) > 1))
